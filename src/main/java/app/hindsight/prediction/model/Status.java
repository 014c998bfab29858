package app.hindsight.prediction.model;

/** Where a prediction stands; see the transitions in {@link Prediction}. */
public enum Status {
    OPEN,
    DUE,
    RESOLVED,
    WITHDRAWN
}
