package app.hindsight.forecast;

/**
 * The Wilson score interval at 95% for a share observed in {@code n} trials: where the true share plausibly lies,
 * given how few trials there were. Unlike the normal approximation it stays within [0, 1] and is not empty at a share
 * of 0 or 1, which a calibration bin of few forecasts often shows. A bin's share is the mean outcome value, and an
 * outcome may be partly correct (0.5): values within [0, 1] with a given mean vary no more than 0s and 1s with that
 * mean, so the interval is, if anything, a little wide for them.
 */
record Wilson(double low, double high) {

    /** The normal quantile for 95%, two-sided. */
    static final double Z = 1.959963984540054;

    /**
     * The interval for {@code share} observed in {@code n} trials.
     *
     * @throws IllegalArgumentException when n is not positive or the share is outside [0, 1]
     */
    static Wilson of(double share, long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive, was " + n);
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be from 0 to 1, was " + share);
        }
        double z2 = Z * Z;
        double scale = 1 + z2 / n;
        double centre = (share + z2 / (2.0 * n)) / scale;
        double half = Z / scale * Math.sqrt(share * (1 - share) / n + z2 / (4.0 * n * n));
        return new Wilson(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
