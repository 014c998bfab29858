package app.hindsight.forecast;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.hindsight.HindsightConfig;
import app.hindsight.prediction.model.Outcome;
import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.model.Status;
import app.hindsight.prediction.store.PredictionQueries;
import app.hindsight.prediction.store.PredictionVersions;
import app.hindsight.shared.Conflict;
import app.hindsight.shared.Paged;
import app.hindsight.shared.Tail;
import app.hindsight.shared.Validation;

/** Recording and listing forecasts. Scores are read elsewhere ({@link ScoreQueries}), never stored. */
@ApplicationScoped
public class ForecastService {

    @Inject
    Clock clock;

    @Inject
    Validation validation;

    @Inject
    PredictionQueries predictions;

    @Inject
    PredictionVersions versions;

    @Inject
    HindsightConfig config;

    /** A page of a prediction's forecasts, and the aggregate of every forecaster's latest (not just this page's). */
    public record Listing(ForecastList.Aggregate aggregate, Paged<ForecastView> page) {}

    /**
     * Records a forecast while the prediction is OPEN or DUE and before its dueAt. The prediction's row is locked
     * meanwhile, so a resolution recorded at the same time comes after the forecast, and the forecast counts as made
     * before the close; the same lock makes the count against hindsight.limits.forecasts-per-prediction exact when
     * two forecasts arrive at once.
     */
    @Transactional
    public ForecastView add(String key, String forecaster, NewForecast in) {
        validation.require(in);
        Prediction p = predictions.locked(key);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String refused = refusal(p.status, p.dueAt, now);
        if (refused != null) {
            throw new Conflict("forecasts-closed", refused);
        }
        int cap = config.limits().forecastsPerPrediction();
        if (Forecast.count("predictionId", p.id) >= cap) {
            throw new Conflict(
                    "limit-reached",
                    "the prediction has " + cap + " forecasts, the most hindsight.limits.forecasts-per-prediction "
                            + "allows; no more are taken");
        }
        // The forecaster's previous latest one is superseded from now: it no longer counts for a close after this.
        Forecast.update(
                "supersededAt = ?1 where predictionId = ?2 and forecaster = ?3 and supersededAt is null",
                now,
                p.id,
                forecaster);
        Forecast f = new Forecast();
        f.predictionId = p.id;
        f.forecaster = forecaster;
        f.probability = in.probability();
        f.note = in.note();
        f.at = now;
        f.persist();
        return f.toView(close(p), versions.changes(key));
    }

    /** Whether a forecast would be taken now on a prediction in this status and with this dueAt (the desk asks). */
    public static boolean accepts(Status status, Instant dueAt, Instant now) {
        return refusal(status, dueAt, now) == null;
    }

    /** Why a forecast is not taken now, or null when it is: OPEN or DUE, and before dueAt. */
    private static String refusal(Status status, Instant dueAt, Instant now) {
        if (status != Status.OPEN && status != Status.DUE) {
            return "the prediction is " + status + "; forecasts are taken while it is OPEN or DUE";
        }
        if (dueAt != null && !now.isBefore(dueAt)) {
            return "the prediction came due at " + dueAt + "; forecasts are taken only before its due date";
        }
        return null;
    }

    /**
     * The forecasts after {@code after} (a forecast's time and id; null for the first page), oldest first, {@code
     * limit} at most, with the aggregate of each forecaster's latest forecast on the prediction.
     */
    @Transactional
    public Listing list(String key, Instant afterAt, long afterId, int limit) {
        long id = predictions.id(key);
        return new Listing(aggregate(id), page(id, close(id), versions.changes(key), afterAt, afterId, limit));
    }

    /** A prediction's latest forecasts, oldest first, with the aggregate: what the desk shows. */
    public record Recent(ForecastList.Aggregate aggregate, Tail<ForecastView> forecasts) {}

    /** The newest {@code size} forecasts, oldest first, whether there are earlier ones, and the aggregate. */
    @Transactional
    public Recent latest(String key, int size) {
        long id = predictions.id(key);
        List<Forecast> newestFirst = Forecast.<Forecast>find("predictionId = ?1 order by at desc, id desc", id)
                .range(0, size)
                .list();
        Unscored.Close close = close(id);
        List<Instant> changes = versions.changes(key);
        return new Recent(aggregate(id), Tail.of(newestFirst, size).map(f -> f.toView(close, changes)));
    }

    /** The page of {@link #list} without the aggregate: what an export reads, batch after batch. */
    @Transactional
    public Paged<ForecastView> page(String key, Instant afterAt, long afterId, int limit) {
        long id = predictions.id(key);
        return page(id, close(id), versions.changes(key), afterAt, afterId, limit);
    }

    private static Paged<ForecastView> page(
            long id, Unscored.Close close, List<Instant> changes, Instant afterAt, long afterId, int limit) {
        List<Forecast> rows = (afterAt == null
                        ? Forecast.<Forecast>find("predictionId = ?1 order by at, id", id)
                        : Forecast.<Forecast>find(
                                "predictionId = ?1 and (at > ?2 or (at = ?2 and id > ?3)) order by at, id",
                                id,
                                afterAt,
                                afterId))
                .range(0, limit)
                .list();
        return Paged.of(rows, limit, f -> f.id).map(f -> f.toView(close, changes));
    }

    /** What decides whether a prediction's forecasts score: its status, outcome, close and knownOn. */
    private Unscored.Close close(long predictionId) {
        Object[] row = Forecast.getEntityManager()
                .createQuery(
                        "select p.status, p.outcome, p.closesAt, p.knownOn from Prediction p where p.id = :id",
                        Object[].class)
                .setParameter("id", predictionId)
                .getSingleResult();
        return new Unscored.Close(
                (Status) row[0], (Outcome) row[1], (Instant) row[2], (java.time.LocalDate) row[3], config.zone());
    }

    private Unscored.Close close(Prediction p) {
        return new Unscored.Close(p.status, p.outcome, p.closesAt, p.knownOn, config.zone());
    }

    /**
     * Over each forecaster's latest forecast: the ones no later forecast superseded, one a forecaster, in the order
     * they were made. At most hindsight.limits.forecasts-per-prediction of them.
     */
    private static ForecastList.Aggregate aggregate(long predictionId) {
        List<Double> values = Forecast.getEntityManager()
                .createQuery(
                        "select f.probability from Forecast f where f.predictionId = :p and f.supersededAt is null"
                                + " order by f.at, f.id",
                        Double.class)
                .setParameter("p", predictionId)
                .getResultList();
        return new ForecastList.Aggregate(values.size(), Scores.median(values), Scores.mean(values));
    }
}
