package app.hindsight.forecast;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The arithmetic done in Java, as plain functions: one prediction's aggregate (median, mean) and the Wilson interval
 * of a hit rate. The scoring rules are {@link ScoringRules}; the database aggregates them ({@link ScoreQueries}).
 */
public final class Scores {

    /** z for a two-sided 95% interval. */
    private static final double Z95 = 1.959963984540054;

    private Scores() {}

    /** The median (the mean of the middle two for an even count); null for none. */
    public static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public static Double mean(List<Double> values) {
        return values.isEmpty()
                ? null
                : values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }

    /** A 95% interval on a proportion. */
    @Schema(name = "HitRateInterval")
    public record Interval(double low, double high) {}

    /**
     * The Wilson score interval for {@code hits} out of {@code n} at 95%: unlike hits / n plus or minus a normal
     * error, it stays within [0, 1] and does not shrink to a point for 2 of 2 ([0.34, 1]). {@code hits} may be a
     * half-integer (a partly correct call counts half). Null when n is 0.
     */
    public static Interval wilson(double hits, long n) {
        if (n == 0) {
            return null;
        }
        double p = hits / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
