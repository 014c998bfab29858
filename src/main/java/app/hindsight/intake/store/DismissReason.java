package app.hindsight.intake.store;

/** Why a candidate is not tracked. */
public enum DismissReason {
    NOT_A_PREDICTION,
    DUPLICATE,
    ALREADY_TRACKED,
    TOO_VAGUE,
    OUT_OF_SCOPE,
    OTHER
}
