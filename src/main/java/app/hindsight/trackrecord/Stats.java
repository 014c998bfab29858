package app.hindsight.trackrecord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import app.hindsight.prediction.model.Kind;
import app.hindsight.prediction.model.Outcome;
import app.hindsight.prediction.model.Status;

/** {@code GET /stats}: counts the database groups, one query per figure. */
@ApplicationScoped
public class Stats {

    @Inject
    Clock clock;

    @Inject
    TrackQueries queries;

    /** The figures now; the outcomes count FINAL verdicts only unless {@code includeProvisional}. */
    @Transactional
    public StatsView now(boolean includeProvisional) {
        Map<Status, Long> byStatus = zeros(Status.class);
        queries.countBy("p.status").forEach((k, n) -> byStatus.put(Status.valueOf(k), n));
        Map<Kind, Long> byKind = zeros(Kind.class);
        queries.countBy("p.kind").forEach((k, n) -> byKind.put(Kind.valueOf(k), n));
        Map<String, Map<Outcome, Long>> outcomes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<TrackQueries.GroupCount> resolved =
                queries.counts("p.speaker_lower", "and p.status = 'RESOLVED'", Map.of());
        Map<String, String> names = TrackQueries.names(resolved);
        long provisionalExcluded = 0;
        for (TrackQueries.GroupCount c : resolved) {
            if (c.provisional() && !includeProvisional) {
                provisionalExcluded += c.count();
                continue;
            }
            outcomes.computeIfAbsent(names.get(c.group()), s -> zeros(Outcome.class))
                    .merge(c.outcome(), c.count(), Long::sum);
        }
        Instant now = Instant.now(clock);
        long[] forecasts = queries.forecastsAndForecasters();
        return new StatsView(
                byStatus.values().stream().mapToLong(Long::longValue).sum(),
                byStatus,
                byKind,
                queries.countBy("t.topic"),
                outcomes,
                new StatsView.DueWithin(
                        queries.dueBetween(now, now.plus(Duration.ofDays(30))),
                        queries.dueBetween(now, now.plus(Duration.ofDays(90))),
                        queries.dueBetween(now, now.plus(Duration.ofDays(365)))),
                forecasts[0],
                forecasts[1],
                provisionalExcluded);
    }

    /** The latest resolutions, everyone's, latest first. */
    @Transactional
    public List<TrackQueries.Resolved> recentResolutions(int limit) {
        return queries.resolved(null, limit);
    }

    /** The stats as CSV rows: what is counted, which value, how many. */
    @JsonPropertyOrder({"figure", "value", "count"})
    public record Row(String figure, String value, long count) {}

    public static List<Row> rows(StatsView s) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("predictions", "", s.predictions()));
        s.byStatus().forEach((k, n) -> rows.add(new Row("status", k.name(), n)));
        s.byKind().forEach((k, n) -> rows.add(new Row("kind", k.name(), n)));
        s.byTopic().forEach((k, n) -> rows.add(new Row("topic", k, n)));
        s.outcomesBySpeaker()
                .forEach((speaker, byOutcome) ->
                        byOutcome.forEach((o, n) -> rows.add(new Row("outcome", speaker + ": " + o.name(), n))));
        rows.add(new Row("dueWithinDays", "30", s.dueWithin().days30()));
        rows.add(new Row("dueWithinDays", "90", s.dueWithin().days90()));
        rows.add(new Row("dueWithinDays", "365", s.dueWithin().days365()));
        rows.add(new Row("forecasts", "", s.forecasts()));
        rows.add(new Row("forecasters", "", s.forecasters()));
        rows.add(new Row("provisionalExcluded", "", s.provisionalExcluded()));
        return rows;
    }

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            counts.put(e, 0L);
        }
        return counts;
    }
}
