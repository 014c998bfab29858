package app.hindsight.prediction.model;

/**
 * How a resolved prediction turned out. VOID is not a verdict on the speaker: the prediction should not count at all
 * (its condition never came about, or it was captured wrongly; {@link VoidReason} says which), so it stays outside
 * every denominator, as UNVERIFIABLE does, and records show it apart.
 */
public enum Outcome {
    CORRECT,
    INCORRECT,
    PARTIALLY_CORRECT,
    UNVERIFIABLE,
    VOID
}
