package app.hindsight.trajectory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.hindsight.HindsightConfig;
import app.hindsight.domain.Conflict;
import app.hindsight.domain.FieldError;
import app.hindsight.domain.InvalidInput;
import app.hindsight.domain.NotFound;
import app.hindsight.domain.Validation;
import app.hindsight.notify.Notice;
import app.hindsight.notify.Notices;
import app.hindsight.prediction.EventType;
import app.hindsight.prediction.Metric;
import app.hindsight.prediction.MetricChangeCheck;
import app.hindsight.prediction.MetricValues;
import app.hindsight.prediction.Prediction;
import app.hindsight.prediction.PredictionHistory;
import app.hindsight.prediction.PredictionQueries;

/**
 * Observations of a prediction's metric: recorded and retracted with a history event each, never deleted. The
 * prediction's row is locked while one is recorded, so two observations of the same prediction are decided one after
 * the other (what the verdict was before each is then well defined).
 */
@ApplicationScoped
public class ObservationService implements MetricChangeCheck {

    @Inject
    Clock clock;

    @Inject
    HindsightConfig config;

    @Inject
    Validation validation;

    @Inject
    PredictionHistory history;

    @Inject
    PredictionQueries predictions;

    @Inject
    Notices notices;

    @Inject
    app.hindsight.PublicAddress publicAddress;

    /** The OBSERVED and OBSERVATION_RETRACTED events' details. */
    record Observed(long observation, LocalDate on, double value) {}

    @Transactional
    public ObservationView add(String key, String actor, NewObservation in) {
        validation.require(in);
        Prediction p = predictions.locked(key);
        Metric metric = p.metric;
        if (metric == null) {
            throw new Conflict(
                    "no-metric", "the prediction has no metric to observe; give it one (PATCH metric) first");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, config.zone());
        List<FieldError> errors = check(metric, in, today);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Verdict before = TrajectoryService.verdict(p, today);
        Observation o = new Observation();
        o.predictionId = p.id;
        o.on = in.on();
        o.value = in.value();
        o.note = in.note();
        o.evidence = in.evidence() == null ? List.of() : List.copyOf(in.evidence());
        o.recordedAt = now;
        o.recordedBy = actor;
        o.persist();
        history.append(p.key, EventType.OBSERVED, now, actor, in.note(), null, new Observed(o.id, o.on, o.value));
        Observation.flush();
        offTrack(p, o, before, now, today);
        return o.toView();
    }

    /**
     * One prediction.off-track notice when this observation turned an ON_TRACK trajectory BEHIND, keyed by the
     * observation, so it is written once even if the request is repeated by a retrying client.
     */
    private void offTrack(Prediction p, Observation o, Verdict before, Instant now, LocalDate today) {
        if (before != Verdict.ON_TRACK) {
            return;
        }
        // Measurable: it was before, and the new observation is within the bounds.
        Trajectory after = TrajectoryService.read(p, today).trajectory();
        if (after.verdict() != Verdict.BEHIND) {
            return;
        }
        String path = "/api/v1/predictions/" + p.key;
        notices.publish(
                Notice.OFF_TRACK,
                p.key,
                "observation-" + o.id,
                now,
                new OffTrack(
                        new OffTrack.PredictionLink(
                                p.key,
                                p.statement,
                                p.speaker,
                                publicAddress.of(path).toString(),
                                path),
                        new Observed(o.id, o.on, o.value),
                        after));
    }

    /** What a prediction.off-track notice carries: the prediction, the observation, the trajectory after it. */
    record OffTrack(PredictionLink prediction, Observed observation, Trajectory trajectory) {
        record PredictionLink(String key, String statement, String speaker, String url, String path) {}
    }

    /** What is wrong with the observation for this metric, today. */
    static List<FieldError> check(Metric metric, NewObservation in, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String problem = MetricValues.problem(metric.scale(), in.value());
        if (problem != null) {
            errors.add(new FieldError("value", problem));
        }
        if (in.on().isAfter(today)) {
            errors.add(new FieldError("on", "must not be in the future (today is " + today + ")"));
        }
        if (metric.baseline() != null
                && metric.baseline().on() != null
                && in.on().isBefore(metric.baseline().on())) {
            errors.add(new FieldError(
                    "on",
                    "must not be before the baseline's day ("
                            + metric.baseline().on() + ")"));
        }
        return errors;
    }

    /** Refuses a metric that an observation recorded of the prediction, not retracted, does not fit. */
    @Override
    public void check(long predictionId, String key, Metric metric) {
        // The row lock add() takes: an observation recorded meanwhile is either seen here or checked against this
        // metric.
        predictions.locked(key);
        List<String> conflicts = MetricConflicts.observations(metric.scale(), of(predictionId));
        if (!conflicts.isEmpty()) {
            throw MetricConflicts.scaleChange(key, metric.scale(), conflicts);
        }
    }

    /** Every observation of the prediction, retracted ones included, by date. */
    @Transactional
    public List<ObservationView> list(String key) {
        return of(predictions.id(key)).stream().map(Observation::toView).toList();
    }

    static List<Observation> of(long predictionId) {
        return Observation.<Observation>find("predictionId = ?1 order by on, id", predictionId)
                .list();
    }

    /** Marks the observation retracted; it stays listed. */
    @Transactional
    public ObservationView retract(String key, long id, String actor) {
        long predictionId = predictions.id(key);
        Observation o = Observation.findById(id);
        if (o == null || o.predictionId != predictionId) {
            throw new NotFound("observation", key + "/" + id);
        }
        if (o.retracted()) {
            throw new Conflict("already-retracted", "the observation was retracted at " + o.retractedAt);
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        o.retractedAt = now;
        o.retractedBy = actor;
        history.append(key, EventType.OBSERVATION_RETRACTED, now, actor, null, null, new Observed(o.id, o.on, o.value));
        return o.toView();
    }
}
