package app.hindsight.trajectory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import app.hindsight.prediction.model.Scale;

/** What the trajectory chart writes: its summary, the fit's rate, numbers as a reader expects them. */
final class ChartWords {

    private ChartWords() {}

    /**
     * The verdict in words, with the figures behind it; a projection after {@code lastDay}, the end of the chart's
     * date axis, is said to be off the chart, so that no date in the subtitle is looked for on the axis in vain.
     */
    static String summary(Scale scale, Trajectory t, LocalDate lastDay) {
        String verdict = switch (t.verdict()) {
            case REACHED -> "Target reached";
            case ON_TRACK -> "On track";
            case BEHIND -> "Behind";
            case NO_DATA -> "No observation yet";
            case UNDATED -> "No target date";
        };
        List<String> parts = new ArrayList<>();
        if (t.progress() != null) {
            parts.add(percent(t.progress()) + " of the way" + (scale == Scale.LOG ? " (log scale)" : ""));
        }
        if (t.expectedProgress() != null) {
            parts.add(percent(t.expectedProgress()) + " of the time gone");
        }
        if (t.latest() != null) {
            parts.add(
                    t.projectedOn() == null
                            ? "the fit does not reach the target"
                            : "the fit reaches the target on " + t.projectedOn()
                                    + (t.projectedOn().isAfter(lastDay) ? ", after this chart's end" : ""));
        }
        return parts.isEmpty() ? verdict : verdict + ": " + parts.stream().collect(Collectors.joining(", "));
    }

    static String rate(Scale scale, Fit fit) {
        if (fit.ratePerYear() == null) {
            return "too steep to say per year";
        }
        if (scale == Scale.LOG) {
            double factor = fit.ratePerYear();
            return factor < 1
                    ? number(1 / factor, 3) + " times less per year"
                    : number(factor, 3) + " times more per year";
        }
        double slope = fit.ratePerYear();
        return (slope >= 0 ? "+" : "") + number(slope, 3) + " per year";
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /** Up to six significant digits, plain: 3.4375, 0.034375, 100.343. */
    static String number(double value) {
        return number(value, 6);
    }

    static String number(double value, int digits) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded =
                new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros();
        if (Math.abs(value) < 1000) {
            return rounded.toPlainString();
        }
        return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(rounded);
    }

    /** 0.01, 0.1, 1, 10, 1,000, 10,000,000; three significant digits between powers of ten. */
    static String tickLabel(double value) {
        return number(value, 3);
    }
}
