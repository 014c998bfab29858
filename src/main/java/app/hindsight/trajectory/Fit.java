package app.hindsight.trajectory;

/**
 * The least-squares line through the baseline and the observations, as a rate.
 *
 * @param ratePerYear LINEAR: the slope, in the metric's unit per year; LOG: the factor per year, {@code exp} of the
 *     slope of {@code ln(value)}, e.g. 0.1 for ten times less each year; null when the factor is beyond what a
 *     double holds (a change of ten times within a day is enough)
 * @param method {@code least-squares} (LINEAR) or {@code least-squares-log} (LOG)
 */
public record Fit(Double ratePerYear, String method) {}
