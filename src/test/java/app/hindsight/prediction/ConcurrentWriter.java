package app.hindsight.prediction;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.model.PredictionTransitioned;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Makes a request lose a race on purpose: armed with a key, it changes that prediction in a transaction of its
 * own and commits, just after the request has read it and before the request writes it back.
 */
@ApplicationScoped
public class ConcurrentWriter {

    private volatile String key;

    public void arm(String key) {
        this.key = key;
    }

    // First among the observers of a transition, before anything in the request's transaction writes.
    void interfere(@Observes @Priority(1) PredictionTransitioned t) {
        if (t.key().equals(key)) {
            key = null;
            QuarkusTransaction.requiringNew()
                    .run(() -> Prediction.update("version = version + 1 where key = ?1", t.key()));
        }
    }
}
