package app.hindsight.prediction.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import app.hindsight.prediction.model.Kind;
import app.hindsight.prediction.model.Status;
import app.hindsight.shared.FieldError;
import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.Keys;
import app.hindsight.time.Dates;

/**
 * The list's filters, parsed from query parameters by hand so that a bad value is a 400 naming the
 * parameter rather than JAX-RS's 404. {@link PredictionScan} finds their matches.
 */
public record PredictionFilter(
        List<Status> statuses,
        Kind kind,
        String topic,
        String speaker,
        String source,
        Instant dueBefore,
        Instant dueAfter,
        String q,
        Boolean hasMetric,
        LocalDate nextReviewFrom,
        LocalDate nextReviewTo) {

    /** The same filter, for these statuses instead. */
    public PredictionFilter withStatuses(List<Status> replaced) {
        return new PredictionFilter(
                replaced,
                kind,
                topic,
                speaker,
                source,
                dueBefore,
                dueAfter,
                q,
                hasMetric,
                nextReviewFrom,
                nextReviewTo);
    }

    /** From the query parameters, each name with its values; an {@link InvalidInput} naming each bad one. */
    public static PredictionFilter parse(Map<String, List<String>> query, ZoneId zone) {
        List<FieldError> errors = new ArrayList<>();
        List<Status> statuses = new ArrayList<>();
        for (String value : query.getOrDefault("status", List.of())) {
            for (String s : value.split(",")) {
                Status status = enumValue(Status.class, "status", s.strip(), errors);
                if (status != null) {
                    statuses.add(status);
                }
            }
        }
        Kind kind = enumValue(Kind.class, "kind", first(query, "kind"), errors);
        Instant dueBefore = instant("dueBefore", first(query, "dueBefore"), zone, errors);
        Instant dueAfter = instant("dueAfter", first(query, "dueAfter"), zone, errors);
        Boolean hasMetric = bool("hasMetric", first(query, "hasMetric"), errors);
        LocalDate nextReviewFrom = date("nextReviewFrom", first(query, "nextReviewFrom"), errors);
        LocalDate nextReviewTo = date("nextReviewTo", first(query, "nextReviewTo"), errors);
        if (nextReviewFrom != null && nextReviewTo != null && nextReviewTo.isBefore(nextReviewFrom)) {
            errors.add(new FieldError(
                    "nextReviewTo", "'" + nextReviewTo + "' is before nextReviewFrom '" + nextReviewFrom + "'"));
        }
        String topic = blankToNull(first(query, "topic"));
        if (topic != null && !topic.toLowerCase(Locale.ROOT).matches(Keys.SLUG)) {
            errors.add(new FieldError(
                    "topic", "'" + topic + "' is not a topic tag (lower-case letters, digits, hyphens)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new PredictionFilter(
                statuses,
                kind,
                topic,
                blankToNull(first(query, "speaker")),
                blankToNull(first(query, "source")),
                dueBefore,
                dueAfter,
                blankToNull(first(query, "q")),
                hasMetric,
                nextReviewFrom,
                nextReviewTo);
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** q as a LIKE pattern on lower-cased text, escaped with a backslash so that % and _ match themselves. */
    String likePattern() {
        if (q == null) {
            return null;
        }
        String needle = q.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + needle + "%";
    }

    /** The topic as stored: tags are lower case; parse() has checked it is a slug, safe in SQL text. */
    String topicTag() {
        return topic == null ? null : topic.toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            errors.add(new FieldError(field, "'" + value + "' must be one of " + String.join(", ", names)));
            return null;
        }
    }

    /** A date (start of that day in the zone) or an instant, in the range every date is held to. */
    private static Instant instant(String field, String value, ZoneId zone, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Optional<Instant> instant = value.length() == 10
                ? Dates.date(value).map(date -> date.atStartOfDay(zone).toInstant())
                : Dates.instant(value);
        if (instant.isEmpty()) {
            errors.add(new FieldError(
                    field,
                    "'" + value + "' " + Dates.DATE_RULE + ", or " + Dates.INSTANT_RULE.replaceFirst("^must be ", "")));
        }
        return instant.orElse(null);
    }

    private static Boolean bool(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            errors.add(new FieldError(field, "'" + value + "' must be true or false"));
            return null;
        }
        return Boolean.valueOf(v);
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Optional<LocalDate> date = Dates.date(value.strip());
        if (date.isEmpty()) {
            errors.add(new FieldError(field, "'" + value + "' " + Dates.DATE_RULE));
        }
        return date.orElse(null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
