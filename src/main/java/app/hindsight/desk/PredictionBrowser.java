package app.hindsight.desk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.prediction.model.Kind;
import app.hindsight.prediction.model.PredictionView;
import app.hindsight.prediction.model.Status;
import app.hindsight.prediction.store.PredictionOrder;
import app.hindsight.prediction.store.SpeakerDirectory;
import app.hindsight.shared.FieldError;
import app.hindsight.shared.InvalidInput;

/**
 * The desk's browse and search page: the list's filters as a form, a page of matches, and links to the next and the
 * previous page. Keyset cursors only go forward, so each link carries the cursors of the pages before it
 * ({@code back}, the latest last, at most {@link #MAX_BACK}); "." stands for the first page.
 */
@ApplicationScoped
public class PredictionBrowser {

    static final int MAX_BACK = 20;

    private static final String FIRST = ".";

    @Inject
    SpeakerDirectory speakers;

    /** What the form holds, as the query parameters of the API's list name them. */
    public record Filters(
            String speaker,
            String status,
            String kind,
            String topic,
            String source,
            String q,
            String sort,
            String hasMetric) {

        /** The non-blank ones, as PredictionFilter.parse reads them. */
        public Map<String, List<String>> asQuery() {
            Map<String, List<String>> query = new LinkedHashMap<>();
            put(query, "speaker", speaker);
            put(query, "status", status);
            put(query, "kind", kind);
            put(query, "topic", topic);
            put(query, "source", source);
            put(query, "q", q);
            put(query, "sort", sort);
            put(query, "hasMetric", hasMetric);
            return query;
        }

        /** Whether any filter is set: the page then says what it searched for. */
        public boolean any() {
            return asQuery().keySet().stream().anyMatch(name -> !name.equals("sort"));
        }

        private static void put(Map<String, List<String>> query, String name, String value) {
            if (value != null && !value.isBlank()) {
                query.put(name, List.of(value.strip()));
            }
        }
    }

    /** A select's option: its value, its label, and whether the form has it chosen. */
    public record Option(String value, String label, boolean selected) {}

    /**
     * The page: the filters, the matches, the links to the next, previous and first pages (null when there is none),
     * and for a speaker filter the names it fits, or the nearest when it fits none.
     */
    public record BrowsePage(
            Filters filters,
            List<PredictionView> items,
            String next,
            String previous,
            String first,
            List<String> speakersFitted,
            List<String> speakersNearest,
            List<Option> statuses,
            List<Option> kinds,
            List<Option> sorts,
            List<Option> metrics) {}

    /** The page of {@code items}, reached with {@code cursor} after the pages in {@code back}; null cursors: none. */
    public BrowsePage page(Filters f, List<PredictionView> items, String cursor, String nextCursor, String back) {
        List<String> trail = trail(back);
        String here = cursor == null || cursor.isBlank() ? FIRST : cursor;
        String next = null;
        if (nextCursor != null) {
            List<String> onward = new ArrayList<>(trail);
            onward.add(here);
            next = link(f, nextCursor, onward.subList(Math.max(0, onward.size() - MAX_BACK), onward.size()));
        }
        String previous = null;
        if (!trail.isEmpty()) {
            String before = trail.get(trail.size() - 1);
            previous = link(f, before.equals(FIRST) ? null : before, trail.subList(0, trail.size() - 1));
        }
        String first = here.equals(FIRST) ? null : link(f, null, List.of());
        List<String> fitted = f.speaker() == null || f.speaker().isBlank() ? List.of() : speakers.matching(f.speaker());
        List<String> nearest = f.speaker() != null && !f.speaker().isBlank() && fitted.isEmpty()
                ? speakers.nearest(f.speaker())
                : List.of();
        return new BrowsePage(
                f,
                items,
                next,
                previous,
                first,
                fitted,
                nearest,
                options(
                        f.status(),
                        Arrays.stream(Status.values()).map(Enum::name).toList()),
                options(f.kind(), Arrays.stream(Kind.values()).map(Enum::name).toList()),
                options(f.sort(), PredictionOrder.ACCEPTED),
                List.of(
                        new Option("true", "with a metric", "true".equalsIgnoreCase(f.hasMetric())),
                        new Option("false", "without a metric", "false".equalsIgnoreCase(f.hasMetric()))));
    }

    private static List<Option> options(String chosen, List<String> values) {
        return values.stream()
                .map(v -> new Option(v, label(v), v.equalsIgnoreCase(chosen == null ? "" : chosen.strip())))
                .toList();
    }

    /** How a sort or an enum value reads in a select: "-targetDate" as "target date, latest first". */
    private static String label(String value) {
        boolean descending = value.startsWith("-");
        String name = descending ? value.substring(1) : value;
        if (!name.equals(name.toUpperCase(java.util.Locale.ROOT))) {
            String words = name.replaceAll("([A-Z])", " $1").toLowerCase(java.util.Locale.ROOT);
            return words + (descending ? ", latest first" : ", earliest first");
        }
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> trail(String back) {
        if (back == null || back.isBlank()) {
            return List.of();
        }
        List<String> trail = List.of(back.split(","));
        for (String cursor : trail) {
            if (!cursor.equals(FIRST) && !cursor.matches("[A-Za-z0-9_-]{1,128}")) {
                throw new InvalidInput(List.of(new FieldError("back", "not a list of the desk's page cursors")));
            }
        }
        return trail.size() > MAX_BACK ? trail.subList(trail.size() - MAX_BACK, trail.size()) : trail;
    }

    /** The browse page's address with these filters, cursor and trail. */
    static String link(Filters f, String cursor, List<String> back) {
        StringBuilder href = new StringBuilder("/desk/predictions");
        char sep = '?';
        Map<String, List<String>> query = new LinkedHashMap<>(f.asQuery());
        if (cursor != null) {
            query.put("cursor", List.of(cursor));
        }
        if (!back.isEmpty()) {
            query.put("back", List.of(String.join(",", back)));
        }
        for (var e : query.entrySet()) {
            href.append(sep)
                    .append(e.getKey())
                    .append('=')
                    .append(URLEncoder.encode(e.getValue().get(0), StandardCharsets.UTF_8));
            sep = '&';
        }
        return href.toString();
    }
}
