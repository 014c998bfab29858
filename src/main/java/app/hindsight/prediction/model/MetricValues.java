package app.hindsight.prediction.model;

/**
 * The values a metric may take (its baseline, its target, each observation), so that every figure of a trajectory is
 * a finite number and its chart can be drawn.
 *
 * <p>A value is 0 or of a magnitude from {@value #MIN} to {@value #MAX}; on a LOG scale it is above 0 as well. Why these
 * bounds: below 2^53 (about 9e15) every whole number is exact, and 1e15 leaves room for the sums of a fit; with every
 * nonzero value at least 1e-12, the smallest step between two of them is about 2e-28, so progress, (latest - baseline)
 * / (target - baseline), stays below 1e44, far from the double's limit of 1.8e308. On a LOG scale ln v lies between
 * -27.7 and 34.6. Real claims (prices, token counts, percentages, ratios) are well inside; a value beyond them is a
 * unit mistake.
 */
public final class MetricValues {

    /** The largest magnitude: a quadrillion. */
    public static final double MAX = 1e15;

    /** The smallest magnitude other than 0: a trillionth. */
    public static final double MIN = 1e-12;

    private MetricValues() {}

    /** Null when a metric on this scale may carry the value, else what is wrong with it ("must be ..."). */
    public static String problem(Scale scale, double value) {
        if (!Double.isFinite(value)) {
            return "must be a finite number";
        }
        double magnitude = Math.abs(value);
        if (scale == Scale.LOG) {
            if (value <= 0) {
                return "must be above 0 on a LOG scale";
            }
            if (value < MIN || value > MAX) {
                return "must be from 1e-12 to 1e15 on a LOG scale";
            }
            return null;
        }
        if (magnitude > MAX || (value != 0 && magnitude < MIN)) {
            return "must be 0 or of a magnitude from 1e-12 to 1e15";
        }
        return null;
    }
}
