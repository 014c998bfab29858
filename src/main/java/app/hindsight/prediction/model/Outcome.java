package app.hindsight.prediction.model;

/** How a resolved prediction turned out. */
public enum Outcome {
    CORRECT,
    INCORRECT,
    PARTIALLY_CORRECT,
    UNVERIFIABLE
}
