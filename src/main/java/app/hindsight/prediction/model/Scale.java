package app.hindsight.prediction.model;

/**
 * How progress along a metric is measured: LINEAR in its unit, LOG in ratios ("100x cheaper" is half done at 10x),
 * where the fit and the progress use the logarithm of the values, which must then be above 0.
 */
public enum Scale {
    LINEAR,
    LOG
}
