package app.hindsight.prediction.model;

/** Why a prediction resolved VOID: it does not count, for one of these reasons. */
public enum VoidReason {
    /** A conditional claim whose condition never came about ("if X passes, Y will follow"; X did not pass). */
    CONDITION_NOT_MET,
    /** The prediction was captured wrongly: the speaker did not say it, or not so. */
    MISCAPTURED
}
