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
import app.hindsight.notify.Notice;
import app.hindsight.notify.Notices;
import app.hindsight.prediction.model.EventType;
import app.hindsight.prediction.model.Metric;
import app.hindsight.prediction.model.MetricChangeCheck;
import app.hindsight.prediction.model.MetricValues;
import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.store.PredictionHistory;
import app.hindsight.prediction.store.PredictionQueries;
import app.hindsight.shared.Conflict;
import app.hindsight.shared.FieldError;
import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.NotFound;
import app.hindsight.shared.Paged;
import app.hindsight.shared.Validation;

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

    /**
     * Records an observation. Its cost hardly grows with the observations there are (at most
     * hindsight.limits.observations-per-prediction): the cap is counted on an index, and the verdicts before and after
     * (for the off-track notice) are worked out from the days and values alone, read once, never from whole rows with
     * their notes and evidence. The prediction's row lock makes the count against the cap exact when two observations
     * arrive at once.
     */
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
        int cap = config.limits().observationsPerPrediction();
        if (Observation.count("predictionId", p.id) >= cap) {
            throw new Conflict(
                    "limit-reached",
                    "the prediction has " + cap + " observations, the most "
                            + "hindsight.limits.observations-per-prediction allows (retracted ones count too); no more "
                            + "are taken");
        }
        List<Point> points = TrajectoryService.readable(p) ? TrajectoryService.points(p.id) : null;
        Verdict before = points == null ? null : verdict(p, points, today);
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
        if (before == Verdict.ON_TRACK) {
            offTrack(p, o, TrajectoryService.read(p, with(points, o), today).trajectory(), now);
        }
        return o.toView();
    }

    /**
     * The points with the new observation where a read would list it: after those of its day and before, as it has
     * the highest id (so the fit adds them up in the same order as a read, and agrees with it to the last bit).
     */
    static List<Point> with(List<Point> byDay, Observation o) {
        List<Point> all = new ArrayList<>(byDay.size() + 1);
        int at = 0;
        while (at < byDay.size() && !byDay.get(at).on().isAfter(o.on)) {
            at++;
        }
        all.addAll(byDay.subList(0, at));
        all.add(new Point(o.on, o.value));
        all.addAll(byDay.subList(at, byDay.size()));
        return all;
    }

    /**
     * The verdict before this observation, or null when stored values the metric cannot carry leave none: the
     * observation is still recorded, with no off-track notice to compare against.
     */
    private static Verdict verdict(Prediction p, List<Point> points, LocalDate today) {
        try {
            return TrajectoryService.read(p, points, today).trajectory().verdict();
        } catch (Conflict unmeasurable) {
            return null;
        }
    }

    /**
     * One prediction.off-track notice when this observation turned an ON_TRACK trajectory BEHIND, keyed by the
     * observation, so it is written once even if the request is repeated by a retrying client.
     */
    private void offTrack(Prediction p, Observation o, Trajectory after, Instant now) {
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

    /** Every observation of the prediction, retracted ones included, by day and then id: for naming conflicts. */
    static List<Observation> of(long predictionId) {
        return Observation.<Observation>find("predictionId = ?1 order by on, id", predictionId)
                .list();
    }

    /**
     * The prediction's observations after {@code afterOn} and {@code afterId} (the last of the previous page; null for
     * the first), retracted ones included, by day and then id, {@code limit} at most.
     */
    @Transactional
    public Paged<ObservationView> list(String key, LocalDate afterOn, long afterId, int limit) {
        long id = predictions.id(key);
        List<Observation> rows = (afterOn == null
                        ? Observation.<Observation>find("predictionId = ?1 order by on, id", id)
                        : Observation.<Observation>find(
                                "predictionId = ?1 and (on > ?2 or (on = ?2 and id > ?3)) order by on, id",
                                id,
                                afterOn,
                                afterId))
                .range(0, limit)
                .list();
        return Paged.of(rows, limit, o -> o.id).map(Observation::toView);
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
