package app.hindsight.prediction;

/** What sort of statement a prediction is. */
public enum Kind {
    FORECAST,
    COMMITMENT,
    STANCE,
    CLAIM
}
