package app.hindsight.trajectory;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jfree.data.time.DateRange;
import org.jfree.data.xy.XYSeriesCollection;

import app.hindsight.prediction.model.Scale;

/**
 * What part of time and of the values the trajectory chart shows: the dates on its axis, the stretch of the fit that
 * stays in view, the padding around the values. Numbers only, so the rules can be tested without drawing.
 */
final class ChartExtent {

    /** A day in the chart's x unit, milliseconds. */
    static final double DAY = 86_400_000.0;

    private ChartExtent() {}

    /**
     * The part of the fit from the baseline's date ({@code t = 0}) to {@code end} years that stays within the values
     * drawn, widened by their span either way (in ln on LOG), as {@code {from, to}} in years; null when none of it
     * does. A fit steep enough to leave them (tenfold within a day) would otherwise reach values the axis cannot hold:
     * 0 or infinity on a log axis.
     */
    static double[] clipped(Scale scale, Trajectories.Line line, Trajectory t, List<Point> observations, double end) {
        double low = Trajectories.y(scale, t.target(), "target");
        double high = low;
        for (Point p : observations) {
            double y = Trajectories.y(scale, p.value(), "observation");
            low = Math.min(low, y);
            high = Math.max(high, y);
        }
        double base = Trajectories.y(scale, t.baseline().value(), "baseline");
        low = Math.min(low, base);
        high = Math.max(high, base);
        double room = Math.max(high - low, 1e-9);
        low -= room;
        high += room;
        double from = 0;
        double to = end;
        if (line.slope() == 0) {
            return line.intercept() >= low && line.intercept() <= high ? new double[] {from, to} : null;
        }
        double a = (low - line.intercept()) / line.slope();
        double b = (high - line.intercept()) / line.slope();
        from = Math.max(from, Math.min(a, b));
        to = Math.min(to, Math.max(a, b));
        return from < to ? new double[] {from, to} : null;
    }

    static LocalDate fitEnd(Trajectory t, List<Point> byDate) {
        LocalDate from = t.baseline().on();
        LocalDate horizon = from.plusDays(1);
        if (!byDate.isEmpty() && byDate.get(byDate.size() - 1).on().isAfter(horizon)) {
            horizon = byDate.get(byDate.size() - 1).on();
        }
        if (t.targetDate() != null && t.targetDate().isAfter(horizon)) {
            horizon = t.targetDate();
        }
        LocalDate end = t.projectedOn() != null && t.projectedOn().isAfter(horizon) ? t.projectedOn() : horizon;
        LocalDate limit = from.plusDays(3 * ChronoUnit.DAYS.between(from, horizon));
        return end.isAfter(limit) ? limit : end;
    }

    static org.jfree.data.Range padded(Scale scale, double low, double high) {
        if (scale == Scale.LOG) {
            return new org.jfree.data.Range(low / 2, high * 2);
        }
        double pad = high > low ? (high - low) * 0.08 : Math.max(Math.abs(high) * 0.1, 1);
        return new org.jfree.data.Range(low - pad, high + pad);
    }

    static double minValue(XYSeriesCollection data) {
        double min = Double.POSITIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            min = Math.min(min, data.getSeries(s).getMinY());
        }
        return min;
    }

    static double maxValue(XYSeriesCollection data) {
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            max = Math.max(max, data.getSeries(s).getMaxY());
        }
        return max;
    }

    /** From the earliest point to the {@link #lastDay}, with a little room either side. */
    static DateRange domain(Trajectory t, List<Point> byDate) {
        LocalDate from = t.baseline().on();
        if (!byDate.isEmpty() && byDate.get(0).on().isBefore(from)) {
            from = byDate.get(0).on();
        }
        LocalDate to = lastDay(t, byDate);
        double pad = (x(to) - x(from)) * 0.04;
        return new DateRange(x(from) - pad, x(to) + pad);
    }

    /**
     * The latest day the chart's date axis shows (before its padding): the latest of a month after the baseline, the
     * latest observation, the target date and the fit's end. A projection after it is off the chart, and the subtitle
     * says so.
     */
    static LocalDate lastDay(Trajectory t, List<Point> byDate) {
        LocalDate to = t.baseline().on().plusDays(30);
        if (!byDate.isEmpty()) {
            LocalDate last = byDate.get(byDate.size() - 1).on();
            to = last.isAfter(to) ? last : to;
        }
        if (t.targetDate() != null && t.targetDate().isAfter(to)) {
            to = t.targetDate();
        }
        if (t.fit() != null) {
            LocalDate end = fitEnd(t, byDate);
            to = end.isAfter(to) ? end : to;
        }
        return to;
    }

    static double x(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
