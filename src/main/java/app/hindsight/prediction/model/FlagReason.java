package app.hindsight.prediction.model;

/** Why the scheduler flagged a prediction as due. */
public enum FlagReason {
    TARGET_REACHED,
    PERIODIC_REVIEW,
    /** The latest observation of its metric reached the target before the target date: an early review. */
    TARGET_MET
}
