package app.hindsight.prediction.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import app.hindsight.prediction.model.PredictionView;
import app.hindsight.shared.FieldError;
import app.hindsight.shared.InvalidInput;

/**
 * The order of the list when it is not the default (oldest first, by id): a date of the prediction's, ascending or
 * descending, ties broken by id in the same direction; predictions without that date come last either way. A page's
 * cursor carries the sort's name with the last item's date and id ({@link #cursorKey}), so a cursor of one order is
 * refused by another.
 */
public record PredictionOrder(Key key, boolean descending) {

    /** What a list can be sorted by: the name the sort parameter takes, and the entity's attribute. */
    public enum Key {
        MADE_ON("madeOn", "madeOn", LocalDate::parse, PredictionView::madeOn),
        TARGET_DATE(
                "targetDate",
                "target.date",
                LocalDate::parse,
                v -> v.target() == null ? null : v.target().date()),
        NEXT_REVIEW("nextReview", "nextReviewOn", LocalDate::parse, PredictionView::nextReviewOn),
        UPDATED("updated", "updatedAt", Instant::parse, PredictionView::updatedAt);

        final String parameter;
        final String attribute;
        private final Function<String, Object> parse;
        private final Function<PredictionView, Object> value;

        Key(
                String parameter,
                String attribute,
                Function<String, Object> parse,
                Function<PredictionView, Object> value) {
            this.parameter = parameter;
            this.attribute = attribute;
            this.parse = parse;
            this.value = value;
        }
    }

    /** The values the sort parameter accepts, as an error message lists them. */
    public static final List<String> ACCEPTED = Arrays.stream(Key.values())
            .flatMap(k -> java.util.stream.Stream.of(k.parameter, "-" + k.parameter))
            .toList();

    /** The order a sort parameter names (e.g. targetDate, -updated; any case); null when absent (by id). */
    public static PredictionOrder parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        boolean descending = v.startsWith("-");
        String name = descending ? v.substring(1) : v;
        for (Key key : Key.values()) {
            if (key.parameter.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return new PredictionOrder(key, descending);
            }
        }
        throw new InvalidInput(List.of(new FieldError(
                "sort",
                "'" + value + "' must be one of " + String.join(", ", ACCEPTED)
                        + " (a leading - sorts descending; by default the oldest prediction comes first)")));
    }

    /** The sort parameter's value for this order, e.g. -updated. */
    public String parameter() {
        return (descending ? "-" : "") + key.parameter;
    }

    /** The sort key of a page's last item as its cursor holds it: the order's name and the date (empty when none). */
    public String cursorKey(PredictionView last) {
        Object value = key.value.apply(last);
        return parameter() + "=" + (value == null ? "" : value);
    }

    /**
     * The date a cursor's key holds (null: the page ended among the predictions without one); an
     * IllegalArgumentException or DateTimeException when it is another order's or not a date.
     */
    public Object cursorValue(String cursorKey) {
        String prefix = parameter() + "=";
        if (!cursorKey.startsWith(prefix)) {
            throw new IllegalArgumentException("a cursor of another order");
        }
        String value = cursorKey.substring(prefix.length());
        return value.isEmpty() ? null : key.parse.apply(value);
    }
}
