package app.hindsight.trackrecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import app.hindsight.prediction.model.Kind;
import app.hindsight.prediction.model.Outcome;
import app.hindsight.prediction.model.Status;
import app.hindsight.prediction.model.VerdictState;
import app.hindsight.prediction.model.VoidReason;

/**
 * The counts behind track records and stats, each one GROUP BY the database does over indexed columns: the rows
 * that reach Java are one per group (speaker, status, outcome), never one per prediction.
 */
@ApplicationScoped
public class TrackQueries {

    @Inject
    EntityManager em;

    /**
     * A group's count of predictions in one status and outcome (and void reason, with VOID); {@code provisional}: their
     * verdict is not FINAL yet.
     */
    public record GroupCount(
            String group,
            String label,
            Status status,
            Outcome outcome,
            VoidReason voidReason,
            boolean provisional,
            long count) {}

    /**
     * Counts by {@code groupBy} (an SQL expression on prediction p, or on prediction_topic t), status, outcome,
     * void reason and verdict state,
     * of the predictions that meet {@code where} (SQL on p, or ""). {@code label} is min(speaker) for speakers, so
     * a group shows a name as written.
     */
    public List<GroupCount> counts(String groupBy, String where, Map<String, Object> parameters) {
        boolean byTopic = groupBy.startsWith("t.");
        Query q = em.createNativeQuery("select " + groupBy + ", min(p.speaker), p.status, p.outcome, p.void_reason,"
                + " count(*), p.verdict_state from prediction p"
                + (byTopic ? " join prediction_topic t on t.prediction_id = p.id" : "")
                + " where 1 = 1 " + where + " group by " + groupBy
                + ", p.status, p.outcome, p.void_reason, p.verdict_state");
        parameters.forEach(q::setParameter);
        List<GroupCount> counts = new ArrayList<>();
        for (Object[] row : rows(q)) {
            counts.add(new GroupCount(
                    String.valueOf(row[0]),
                    (String) row[1],
                    Status.valueOf((String) row[2]),
                    row[3] == null ? null : Outcome.valueOf((String) row[3]),
                    row[4] == null ? null : VoidReason.valueOf((String) row[4]),
                    row[6] != null && !VerdictState.valueOf((String) row[6]).isFinal(),
                    ((Number) row[5]).longValue()));
        }
        return counts;
    }

    /** A resolved prediction, latest resolution first. */
    public record Resolved(long id, String key, String statement, Kind kind, Outcome outcome, LocalDate resolvedOn) {}

    /** The latest resolved predictions of a speaker's, or of everyone's when {@code speakerLower} is null. */
    public List<Resolved> resolved(String speakerLower, int limit) {
        Query q = em.createNativeQuery("select p.id, p.slug, p.statement, p.kind, p.outcome, p.resolved_on"
                        + " from prediction p where p.status = 'RESOLVED'"
                        + (speakerLower == null ? "" : " and p.speaker_lower = :speaker")
                        + " order by p.resolved_on desc, p.id desc")
                .setMaxResults(limit);
        if (speakerLower != null) {
            q.setParameter("speaker", speakerLower);
        }
        List<Resolved> resolved = new ArrayList<>();
        for (Object[] row : rows(q)) {
            resolved.add(new Resolved(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    (String) row[2],
                    Kind.valueOf((String) row[3]),
                    Outcome.valueOf((String) row[4]),
                    localDate(row[5])));
        }
        return resolved;
    }

    /** Count per value of a column of prediction p, or of prediction_topic t. */
    public Map<String, Long> countBy(String column) {
        String from = column.startsWith("t.") ? "prediction_topic t" : "prediction p";
        Query q = em.createNativeQuery(
                "select " + column + ", count(*) from " + from + " group by " + column + " order by " + column);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : rows(q)) {
            counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** OPEN or DUE predictions whose dueAt falls in [from, to). */
    public long dueBetween(Instant from, Instant to) {
        return ((Number) em.createNativeQuery("select count(*) from prediction p where p.due_at >= :from"
                                + " and p.due_at < :to and p.status in ('OPEN', 'DUE')")
                        .setParameter("from", from)
                        .setParameter("to", to)
                        .getSingleResult())
                .longValue();
    }

    /** The forecasts recorded, and how many forecasters made them. */
    public long[] forecastsAndForecasters() {
        Object[] row = (Object[]) em.createNativeQuery("select count(*), count(distinct forecaster) from forecast")
                .getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    private static LocalDate localDate(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return (LocalDate) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query q) {
        return q.getResultList();
    }

    /**
     * Each group's name as written, for the speakers' counts grouped by the lower-cased name: the first of the
     * spellings in use, in code point order, so every count of a speaker lands under one name.
     */
    public static Map<String, String> names(List<GroupCount> counts) {
        Map<String, String> names = new LinkedHashMap<>();
        for (GroupCount c : counts) {
            names.merge(c.group(), c.label(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        return names;
    }
}
