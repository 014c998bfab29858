package app.hindsight.trajectory;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import app.hindsight.prediction.model.Direction;
import app.hindsight.prediction.model.MetricValues;
import app.hindsight.prediction.model.Scale;

/**
 * A metric's trajectory from its baseline, its target and its observations, as plain arithmetic given {@code today}.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>{@code y(v) = v} on a LINEAR scale, {@code y(v) = ln v} on a LOG scale. Every value (baseline, target,
 *       observation) is within {@link MetricValues}' bounds (above 0 on LOG), which keep every figure below finite,
 *       except a LOG fit's factor per year, which a steep enough change takes past the double's range.
 *       {@code t} is the time since the baseline's date in years: {@code t = days / 365.25}.
 *   <li><b>latest</b> is the observation with the latest date (of several on that date, the last in the list).
 *   <li><b>progress</b> = {@code (y(latest) - y(baseline)) / (y(target) - y(baseline))}, not clamped: below 0 the
 *       metric has moved away from the target, above 1 it is past it. Null when the target equals the baseline.
 *   <li><b>expectedProgress</b> = {@code days(baseline, today) / days(baseline, targetDate)}, clamped to [0, 1]; null
 *       without a target date. (A target date on or before the baseline's date: 0 before it, 1 from it on.)
 *   <li><b>fit</b>: ordinary least squares of {@code y} over {@code t} through the baseline and every observation (with
 *       one observation, the line through the two points). Its rate per year is the slope on LINEAR, {@code exp} of
 *       the slope on LOG (the factor per year: 0.1 is ten times less each year), null when that factor is beyond
 *       what a double holds (above 1.8e308 or below 2.2e-308: ten times more or less within a day is enough). No fit
 *       when every observation is on the baseline's date.
 *   <li><b>projectedOn</b> = the day the fitted line reaches {@code y(target)}: the baseline's date plus {@code t*}
 *       years rounded to the nearest day, {@code t* = (y(target) - intercept) / slope}. Null when the slope is 0 or
 *       points away from the target ({@code slope * (y(target) - y(baseline)) <= 0}), or when the day would be past
 *       the calendar's end.
 *   <li><b>verdict</b>: {@code NO_DATA} without observations; {@code REACHED} when the latest observation has reached
 *       the target in the metric's direction (DECREASE: {@code latest <= target}; INCREASE: {@code latest >= target});
 *       else {@code UNDATED} without a target date; else {@code ON_TRACK} when projectedOn is known and not after the
 *       target date; else {@code BEHIND}.
 *   <li><b>explanation</b>: the above in words ({@link Explanation}).
 * </ul>
 *
 * <p>The direction only decides whether the target is reached; progress and the projection follow from the baseline
 * and the target alone.
 */
public final class Trajectories {

    static final double DAYS_PER_YEAR = 365.25;

    private Trajectories() {}

    /**
     * The trajectory as of {@code today}.
     *
     * @param targetDate null when the prediction has no target date
     * @param observations in any order, retracted ones left out
     * @throws IllegalArgumentException when a value (baseline, target or observation) is outside {@link MetricValues}'
     *     bounds for the scale, e.g. not above 0 on a LOG scale
     */
    public static Trajectory compute(
            Scale scale,
            Direction direction,
            Point baseline,
            double target,
            LocalDate targetDate,
            List<Point> observations,
            LocalDate today) {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(today, "today");
        double yBaseline = y(scale, baseline.value(), "baseline");
        double yTarget = y(scale, target, "target");
        for (Point p : observations) {
            y(scale, p.value(), "observation");
        }
        Double expectedProgress = targetDate == null ? null : expectedProgress(baseline.on(), targetDate, today);
        Point latest = latest(observations);
        if (latest == null) {
            Trajectory none = new Trajectory(
                    baseline,
                    target,
                    targetDate,
                    null,
                    null,
                    expectedProgress,
                    null,
                    null,
                    Verdict.NO_DATA,
                    scale,
                    null);
            return none.explained(Explanation.of(scale, none, 0, today));
        }
        double toGo = yTarget - yBaseline;
        Double progress = toGo == 0 ? null : (y(scale, latest.value(), "observation") - yBaseline) / toGo;
        Line line = line(scale, baseline, observations);
        Fit fit = line == null ? null : line.fit(scale);
        LocalDate projectedOn = line == null ? null : line.projectedOn(baseline, yBaseline, yTarget);
        Verdict verdict;
        if (reached(direction, latest.value(), target)) {
            verdict = Verdict.REACHED;
        } else if (targetDate == null) {
            verdict = Verdict.UNDATED;
        } else if (projectedOn != null && !projectedOn.isAfter(targetDate)) {
            verdict = Verdict.ON_TRACK;
        } else {
            verdict = Verdict.BEHIND;
        }
        Trajectory t = new Trajectory(
                baseline,
                target,
                targetDate,
                latest,
                progress,
                expectedProgress,
                fit,
                projectedOn,
                verdict,
                scale,
                null);
        return t.explained(Explanation.of(scale, t, observations.size(), today));
    }

    /** Whether {@code value} has reached {@code target} moving in {@code direction}; reaching it exactly counts. */
    public static boolean reached(Direction direction, double value, double target) {
        return switch (direction) {
            case DECREASE -> value <= target;
            case INCREASE -> value >= target;
        };
    }

    /** The observation with the latest date; of several on that date, the last in the list. Null when none. */
    static Point latest(List<Point> observations) {
        Point latest = null;
        for (Point p : observations) {
            if (latest == null || !p.on().isBefore(latest.on())) {
                latest = p;
            }
        }
        return latest;
    }

    static double expectedProgress(LocalDate from, LocalDate targetDate, LocalDate today) {
        long span = ChronoUnit.DAYS.between(from, targetDate);
        if (span <= 0) {
            return today.isBefore(targetDate) ? 0.0 : 1.0;
        }
        double share = (double) ChronoUnit.DAYS.between(from, today) / span;
        return Math.max(0.0, Math.min(1.0, share));
    }

    /**
     * The least-squares line of {@code y} over {@code t} through the baseline and the observations; null without
     * observations or when they are all on the baseline's date (no slope to speak of). The chart draws this line.
     */
    static Line line(Scale scale, Point baseline, List<Point> observations) {
        if (observations.isEmpty()) {
            return null;
        }
        List<Point> points = new ArrayList<>(observations.size() + 1);
        points.add(baseline);
        points.addAll(observations);
        int n = points.size();
        double[] t = new double[n];
        double[] y = new double[n];
        double tMean = 0;
        double yMean = 0;
        for (int i = 0; i < n; i++) {
            t[i] = years(baseline.on(), points.get(i).on());
            y[i] = y(scale, points.get(i).value(), "observation");
            tMean += t[i];
            yMean += y[i];
        }
        tMean /= n;
        yMean /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (t[i] - tMean) * (t[i] - tMean);
            sxy += (t[i] - tMean) * (y[i] - yMean);
        }
        if (sxx == 0) {
            return null;
        }
        double slope = sxy / sxx;
        return new Line(yMean - slope * tMean, slope);
    }

    static double years(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) / DAYS_PER_YEAR;
    }

    /** {@code y(v)}: the value itself on LINEAR, its natural logarithm on LOG; the value within the bounds. */
    static double y(Scale scale, double value, String what) {
        String problem = MetricValues.problem(scale, value);
        if (problem != null) {
            throw new IllegalArgumentException(what + " " + problem + ", was " + value);
        }
        return scale == Scale.LOG ? Math.log(value) : value;
    }

    /**
     * {@code y = intercept + slope * t}, t in years since the baseline's date, y as {@link #y} (ln of the value on
     * LOG).
     */
    record Line(double intercept, double slope) {

        double yAt(double years) {
            return intercept + slope * years;
        }

        Fit fit(Scale scale) {
            if (scale == Scale.LINEAR) {
                return new Fit(Double.isFinite(slope) ? slope : null, "least-squares");
            }
            double factor = Math.exp(slope);
            // Its inverse is finite too, so that "n times less per year" can be said.
            boolean sayable = factor >= Double.MIN_NORMAL && factor <= Double.MAX_VALUE;
            return new Fit(sayable ? factor : null, "least-squares-log");
        }

        LocalDate projectedOn(Point baseline, double yBaseline, double yTarget) {
            if (slope == 0 || slope * (yTarget - yBaseline) <= 0) {
                return null;
            }
            double days = Math.floor((yTarget - intercept) / slope * DAYS_PER_YEAR + 0.5);
            long min = ChronoUnit.DAYS.between(baseline.on(), LocalDate.MIN);
            long max = ChronoUnit.DAYS.between(baseline.on(), LocalDate.MAX);
            if (!(days >= min && days <= max)) {
                return null;
            }
            return baseline.on().plusDays((long) days);
        }
    }
}
