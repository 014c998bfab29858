package app.hindsight.prediction.model;

/** How exactly the speaker named the target window. */
public enum Precision {
    DAY,
    MONTH,
    QUARTER,
    YEAR
}
