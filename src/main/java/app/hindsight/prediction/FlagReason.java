package app.hindsight.prediction;

/** Why the scheduler flagged a prediction as due. */
public enum FlagReason {
    TARGET_REACHED,
    PERIODIC_REVIEW
}
