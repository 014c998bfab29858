package app.hindsight.trajectory;

import java.util.ArrayList;
import java.util.List;

import app.hindsight.prediction.model.Metric;
import app.hindsight.prediction.model.MetricValues;
import app.hindsight.prediction.model.Scale;
import app.hindsight.shared.Conflict;

/**
 * The values of a metric and its observations that its trajectory cannot be worked out from: beyond
 * {@link MetricValues}' bounds, or not above 0 on a LOG scale. The API refuses them on the way in; a database may still
 * hold some, written before the bounds or behind the API's back, and a read then answers with a 409 that names them
 * rather than failing.
 */
final class MetricConflicts {

    /** How many are named in a problem's detail; the rest are counted. */
    static final int NAMED = 5;

    private MetricConflicts() {}

    /** The baseline's, the target's and each observation's value that the metric's scale cannot carry. */
    static List<String> of(Metric metric, List<Observation> observations) {
        List<String> found = new ArrayList<>();
        if (metric.baseline() != null && metric.baseline().value() != null) {
            add(
                    found,
                    "the baseline " + plain(metric.baseline().value()),
                    metric.scale(),
                    metric.baseline().value());
        }
        if (metric.target() != null) {
            add(found, "the target " + plain(metric.target()), metric.scale(), metric.target());
        }
        found.addAll(observations(metric.scale(), observations));
        return found;
    }

    /** Whether the baseline, the target or one of these points (observations that count) is a value the metric cannot carry. */
    static boolean any(Metric metric, List<Point> points) {
        Scale scale = metric.scale();
        if (metric.baseline() != null
                && metric.baseline().value() != null
                && MetricValues.problem(scale, metric.baseline().value()) != null) {
            return true;
        }
        if (metric.target() != null && MetricValues.problem(scale, metric.target()) != null) {
            return true;
        }
        return points.stream().anyMatch(point -> MetricValues.problem(scale, point.value()) != null);
    }

    /** Each observation that counts (not retracted) whose value a metric on this scale cannot carry. */
    static List<String> observations(Scale scale, List<Observation> observations) {
        List<String> found = new ArrayList<>();
        for (Observation o : observations) {
            if (!o.retracted()) {
                add(found, "observation " + o.id + " of " + o.on + " (" + plain(o.value) + ")", scale, o.value);
            }
        }
        return found;
    }

    /** 409 unmeasurable-trajectory: what a read of the trajectory answers while the stored values conflict. */
    static Conflict unmeasurable(String key, List<String> conflicts) {
        return new Conflict(
                "unmeasurable-trajectory",
                "the trajectory cannot be worked out: " + named(conflicts) + "; retract such observations (DELETE "
                        + "/api/v1/predictions/" + key + "/observations/{id}) or correct the metric (PATCH metric)");
    }

    /** 409 observations-conflict: a change of the metric to a scale that recorded observations do not fit. */
    static Conflict scaleChange(String key, Scale scale, List<String> conflicts) {
        return new Conflict(
                "observations-conflict",
                "the metric of " + key + " cannot become " + scale + " while " + conflicts.size()
                        + " of its observations do not fit that scale: " + named(conflicts) + "; retract them first "
                        + "(DELETE /api/v1/predictions/" + key + "/observations/{id}) or keep the scale");
    }

    private static void add(List<String> found, String what, Scale scale, double value) {
        String problem = MetricValues.problem(scale, value);
        if (problem != null) {
            found.add(what + " " + problem);
        }
    }

    private static String named(List<String> conflicts) {
        String named = String.join("; ", conflicts.subList(0, Math.min(NAMED, conflicts.size())));
        return conflicts.size() <= NAMED ? named : named + "; and " + (conflicts.size() - NAMED) + " more";
    }

    /** -3 rather than -3.0; 1.7976931348623157E308 as Java writes it. */
    static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
