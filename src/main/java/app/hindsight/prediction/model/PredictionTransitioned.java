package app.hindsight.prediction.model;

import java.time.Instant;

/**
 * Fired inside the transaction of a transition a person made (resolve, defer, withdraw, delete...), so
 * other features, such as the review queue, can follow it.
 */
public record PredictionTransitioned(
        String key, EventType type, Status status, long version, String actor, Instant at) {}
