package app.hindsight.trajectory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.hindsight.HindsightConfig;
import app.hindsight.prediction.model.Metric;
import app.hindsight.prediction.model.Prediction;
import app.hindsight.shared.Conflict;
import app.hindsight.shared.NotFound;

/** A prediction's trajectory, worked out on each read from its metric and its observations ({@link Trajectories}). */
@ApplicationScoped
public class TrajectoryService {

    @Inject
    Clock clock;

    @Inject
    HindsightConfig config;

    /** What a chart or a verdict needs: the metric, the trajectory, the observations that count. */
    public record Reading(Metric metric, Trajectory trajectory, List<Point> observations) {}

    @Transactional
    public Reading read(String key) {
        Prediction p = Prediction.<Prediction>find("key", key).firstResult();
        if (p == null) {
            throw new NotFound("prediction", key);
        }
        return read(p, LocalDate.now(clock.withZone(config.zone())));
    }

    /** The verdict as of {@code today}, or null when there is no trajectory to give one (see {@link #read}). */
    static Verdict verdict(Prediction p, LocalDate today) {
        if (!readable(p)) {
            return null;
        }
        try {
            return read(p, today).trajectory().verdict();
        } catch (Conflict unmeasurable) {
            return null;
        }
    }

    /** Whether the prediction has a metric with a baseline (value and day) to measure a trajectory from. */
    static boolean readable(Prediction p) {
        Metric m = p.metric;
        return m != null
                && m.baseline() != null
                && m.baseline().value() != null
                && m.baseline().on() != null;
    }

    /**
     * The prediction's trajectory as of {@code today}; a 409 when it has no metric with a baseline to start from, or
     * when a stored value is one the metric cannot carry (see {@link MetricConflicts}).
     */
    static Reading read(Prediction p, LocalDate today) {
        if (!readable(p)) {
            throw new Conflict(
                    "no-metric",
                    "the prediction has no metric with a baseline (value and day) to measure a trajectory from");
        }
        return read(p, points(p.id), today);
    }

    /**
     * The observations that count (not retracted), by day and then id, as the fit needs them: their day and value
     * alone, not whole rows with notes and evidence (reading and tracking those made each new observation cost
     * more than the last).
     */
    static List<Point> points(long predictionId) {
        return Observation.getEntityManager()
                .createQuery(
                        "select new app.hindsight.trajectory.Point(o.on, o.value) from Observation o"
                                + " where o.predictionId = :p and o.retractedAt is null order by o.on, o.id",
                        Point.class)
                .setParameter("p", predictionId)
                .getResultList();
    }

    /** The trajectory of a prediction that is {@link #readable} with these observations (by day, then id). */
    static Reading read(Prediction p, List<Point> observations, LocalDate today) {
        Metric m = p.metric;
        if (MetricConflicts.any(m, observations)) {
            // Rare (values stored before the bounds, or behind the API's back): name them from the stored rows.
            throw MetricConflicts.unmeasurable(p.key, MetricConflicts.of(m, ObservationService.of(p.id)));
        }
        Trajectory t = Trajectories.compute(
                m.scale(),
                m.direction(),
                new Point(m.baseline().on(), m.baseline().value()),
                m.target(),
                p.targetDate(),
                observations,
                today);
        return new Reading(m, t, observations);
    }
}
