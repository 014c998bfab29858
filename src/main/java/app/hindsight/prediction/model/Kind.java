package app.hindsight.prediction.model;

/** What sort of statement a prediction is. */
public enum Kind {
    FORECAST,
    COMMITMENT,
    STANCE,
    CLAIM
}
