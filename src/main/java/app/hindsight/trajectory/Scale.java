package app.hindsight.trajectory;

/** How a metric's progress is measured: in its own units, or in ratios ("100x cheaper"). */
public enum Scale {
    /** Progress and the fit in the metric's own units. */
    LINEAR,
    /** Progress and the fit in log space: ten times cheaper is half way to a hundred times. Values must be > 0. */
    LOG
}
