package app.hindsight.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Scores as the database aggregates them (the rules of {@link ScoringRules}, written in SQL; ScoreSqlAgreementTest
 * holds the two to the same numbers), computed on every read from the forecasts and the resolutions, so nothing
 * stored can drift (a reopen unscores at once). Portable SQL (H2 and PostgreSQL), one GROUP BY per figure.
 *
 * <p>A forecast f of prediction p <em>counts</em> when p is resolved with a scored outcome and f was the
 * forecaster's latest forecast before p's close (closes_at: the earliest of due_at, the moment the resolution was
 * recorded and the start of its known_on, the day the answer became known, see {@code DueDates.closesAt}):
 * made before the close, and not superseded by their next one before it. That is a test on the row itself
 * ({@link #COUNTS}), so no window function has to number every forecast first; {@link Unscored} says the same in
 * Java, for the forecast list. The crowd's forecast of a prediction is
 * the median (percentile_cont) of the forecasts that count there ({@link #crowd}).
 */
@ApplicationScoped
public class ScoreQueries {

    /** p's outcome value o: 1, 0 or 0.5. */
    static final String O = "(case p.outcome when 'CORRECT' then cast(1 as double precision)"
            + " when 'INCORRECT' then cast(0 as double precision) else cast(0.5 as double precision) end)";

    /** f counts: p scored, f the latest of its forecaster before p's close. */
    static final String COUNTS = "p.status = 'RESOLVED' and p.outcome in ('CORRECT', 'INCORRECT', 'PARTIALLY_CORRECT')"
            + " and f.made_at < p.closes_at and (f.superseded_at is null or f.superseded_at >= p.closes_at)";

    /** Restricts to predictions whose verdict is FINAL: what every figure counts unless asked otherwise. */
    static final String FINAL_ONLY = " and p.verdict_state = 'FINAL'";

    /** The restriction (SQL on prediction p, to append to a where) to FINAL verdicts, or none when including all. */
    public static String verdicts(boolean includeProvisional) {
        return includeProvisional ? "" : FINAL_ONLY;
    }

    /** Restricts to the predictions a forecaster forecast (the crowd there includes everyone's forecasts). */
    private static final String FORECAST_BY_NAME =
            " and exists (select 1 from forecast x where x.prediction_id = p.id and x.forecaster = :name)";

    @Inject
    EntityManager em;

    /** The crowd per scored prediction that meets {@code where} (SQL on prediction p): {@code c(prediction_id, p, o)}. */
    static String crowd(String where) {
        // Cast to double: H2's percentile_cont is a DECFLOAT, whose divisions run at a precision of thousands of
        // digits.
        return "(select f.prediction_id,"
                + " cast(percentile_cont(0.5) within group (order by f.probability) as double precision) as p,"
                + " min(" + O + ") as o from forecast f join prediction p on p.id = f.prediction_id where " + COUNTS
                + " " + where + " group by f.prediction_id) c";
    }

    /**
     * One forecaster's scores; the means are null until something is scored. {@code provisionalExcluded}: forecasts
     * that would score on verdicts not final yet, left out.
     */
    public record ForecasterScores(
            String name,
            long forecasts,
            long scored,
            Double meanBrier,
            Double meanLog,
            Double crowdBrier,
            long provisionalExcluded) {}

    /**
     * Every forecaster (or the one named), by name: their forecasts, and their scores on FINAL verdicts (on every
     * verdict with {@code includeProvisional}).
     */
    public Map<String, ForecasterScores> forecasters(String name, boolean includeProvisional) {
        String one = name == null ? "" : " where forecaster = :name";
        String verdicts = verdicts(includeProvisional);
        Query counts = em.createNativeQuery(
                "select forecaster, count(*) from forecast" + one + " group by forecaster order by forecaster");
        Query scores = em.createNativeQuery("select f.forecaster, count(*),"
                + " avg((f.probability - " + O + ") * (f.probability - " + O + ")),"
                + " avg(" + O + " * ln(f.probability) + (1 - " + O + ") * ln(1 - f.probability)),"
                + " avg((c.p - c.o) * (c.p - c.o))"
                + " from forecast f join prediction p on p.id = f.prediction_id"
                + " join " + crowd((name == null ? "" : FORECAST_BY_NAME) + verdicts)
                + " on c.prediction_id = f.prediction_id"
                + " where " + COUNTS + verdicts + (name == null ? "" : " and f.forecaster = :name")
                + " group by f.forecaster");
        Query provisional = em.createNativeQuery("select f.forecaster, count(*) from forecast f"
                + " join prediction p on p.id = f.prediction_id where " + COUNTS
                + " and p.verdict_state <> 'FINAL'" + (name == null ? "" : " and f.forecaster = :name")
                + " group by f.forecaster");
        if (name != null) {
            counts.setParameter("name", name);
            scores.setParameter("name", name);
            provisional.setParameter("name", name);
        }
        Map<String, ForecasterScores> byName = new LinkedHashMap<>();
        for (Object[] row : rows(counts)) {
            String forecaster = (String) row[0];
            byName.put(forecaster, new ForecasterScores(forecaster, count(row[1]), 0, null, null, null, 0));
        }
        Map<String, Long> excluded = new LinkedHashMap<>();
        if (!includeProvisional) {
            rows(provisional).forEach(row -> excluded.put((String) row[0], count(row[1])));
        }
        for (Object[] row : rows(scores)) {
            ForecasterScores f = byName.get((String) row[0]);
            byName.put(
                    f.name(),
                    new ForecasterScores(
                            f.name(), f.forecasts(), count(row[1]), number(row[2]), number(row[3]), number(row[4]), 0));
        }
        excluded.forEach((forecaster, n) -> byName.computeIfPresent(
                forecaster,
                (k, f) -> new ForecasterScores(
                        k, f.forecasts(), f.scored(), f.meanBrier(), f.meanLog(), f.crowdBrier(), n)));
        return byName;
    }

    /** One bin of a forecaster's calibration, as the database counts it; {@code bin} 0 to 9. */
    public record BinCount(int bin, long forecasts, double meanProbability, double observedFrequency) {}

    /** How a forecaster's scored forecasts fall into the ten bins of width 0.1 (on FINAL verdicts, unless all). */
    public List<BinCount> calibration(String name, boolean includeProvisional) {
        Query q = em.createNativeQuery("select floor(f.probability * 10), count(*), avg(f.probability), avg(" + O + ")"
                + " from forecast f join prediction p on p.id = f.prediction_id where " + COUNTS
                + verdicts(includeProvisional)
                + " and f.forecaster = :name group by floor(f.probability * 10)");
        q.setParameter("name", name);
        List<BinCount> bins = new ArrayList<>();
        for (Object[] row : rows(q)) {
            bins.add(new BinCount(
                    Math.min(9, ((Number) row[0]).intValue()), count(row[1]), number(row[2]), number(row[3])));
        }
        return bins;
    }

    /** The crowd against one group of predictions: how many had forecasts, the mean of o / crowd, the upsets. */
    public record CrowdFigures(long withForecasts, Double crowdYield, long againstTheCrowd) {
        public static final CrowdFigures NONE = new CrowdFigures(0, null, 0);
    }

    /**
     * The crowd's figures per group of the scored predictions that meet {@code where} (SQL on prediction p):
     * {@code groupBy} is an SQL expression on prediction p, or on prediction_topic t.
     */
    public Map<String, CrowdFigures> crowd(String where, Map<String, Object> parameters, String groupBy) {
        boolean byTopic = groupBy.startsWith("t.");
        Query q = em.createNativeQuery("select " + groupBy + ", count(*), avg(c.o / c.p),"
                + " sum(case when c.o = 1 and c.p < 0.5 then 1 else 0 end)"
                + " from " + crowd(where) + " join prediction p on p.id = c.prediction_id"
                + (byTopic ? " join prediction_topic t on t.prediction_id = p.id" : "")
                + " group by " + groupBy);
        parameters.forEach(q::setParameter);
        Map<String, CrowdFigures> figures = new LinkedHashMap<>();
        for (Object[] row : rows(q)) {
            figures.put(String.valueOf(row[0]), new CrowdFigures(count(row[1]), number(row[2]), count(row[3])));
        }
        return figures;
    }

    /** The crowd's probability at close of each scored prediction that meets {@code where}, by prediction id. */
    public Map<Long, Double> crowdAtClose(String where, Map<String, Object> parameters) {
        Query q = em.createNativeQuery("select c.prediction_id, c.p from " + crowd(where));
        parameters.forEach(q::setParameter);
        Map<Long, Double> byId = new LinkedHashMap<>();
        for (Object[] row : rows(q)) {
            byId.put(((Number) row[0]).longValue(), number(row[1]));
        }
        return byId;
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> rows(Query q) {
        return q.getResultList();
    }

    static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
