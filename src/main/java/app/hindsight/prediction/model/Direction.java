package app.hindsight.prediction.model;

/** Which way a metric must move for the prediction to come true. */
public enum Direction {
    INCREASE,
    DECREASE
}
