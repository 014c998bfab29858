package app.hindsight.trajectory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.hindsight.HindsightConfig;
import app.hindsight.domain.Conflict;
import app.hindsight.domain.NotFound;
import app.hindsight.prediction.Metric;
import app.hindsight.prediction.Prediction;

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
        Metric m = p.metric;
        if (!readable(p)) {
            throw new Conflict(
                    "no-metric",
                    "the prediction has no metric with a baseline (value and day) to measure a trajectory from");
        }
        List<Observation> stored = ObservationService.of(p.id);
        List<String> conflicts = MetricConflicts.of(m, stored);
        if (!conflicts.isEmpty()) {
            throw MetricConflicts.unmeasurable(p.key, conflicts);
        }
        List<Point> observations = stored.stream()
                .filter(o -> !o.retracted())
                .map(o -> new Point(o.on, o.value))
                .toList();
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
