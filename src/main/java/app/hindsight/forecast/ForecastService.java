package app.hindsight.forecast;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.hindsight.domain.Conflict;
import app.hindsight.domain.Validation;
import app.hindsight.prediction.Prediction;
import app.hindsight.prediction.PredictionQueries;
import app.hindsight.prediction.Status;

/** Recording and listing forecasts. Scores are read elsewhere ({@link ScoreQueries}), never stored. */
@ApplicationScoped
public class ForecastService {

    @Inject
    Clock clock;

    @Inject
    Validation validation;

    @Inject
    PredictionQueries predictions;

    /**
     * Records a forecast while the prediction is OPEN or DUE and before its dueAt. The prediction's row is locked
     * meanwhile, so a resolution recorded at the same time comes after the forecast, and the forecast counts as made
     * before the close.
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
        return f.toView();
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

    /** Every forecast on the prediction, oldest first, with the aggregate of each forecaster's latest. */
    @Transactional
    public ForecastList list(String key) {
        long id = predictions.id(key);
        List<ForecastView> items = Forecast.<Forecast>find("predictionId = ?1 order by at, id", id).stream()
                .map(Forecast::toView)
                .toList();
        return new ForecastList(key, aggregate(items), items);
    }

    /** The forecasters, their median and mean, over each one's latest forecast of {@code oldestFirst}. */
    static ForecastList.Aggregate aggregate(List<ForecastView> oldestFirst) {
        Map<String, Double> latest = new LinkedHashMap<>();
        for (ForecastView f : oldestFirst) {
            latest.put(f.forecaster(), f.probability());
        }
        List<Double> values = new ArrayList<>(latest.values());
        return new ForecastList.Aggregate(values.size(), Scores.median(values), Scores.mean(values));
    }
}
