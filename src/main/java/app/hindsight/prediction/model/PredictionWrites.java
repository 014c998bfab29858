package app.hindsight.prediction.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Every insert, update and delete of a prediction becomes a {@link PredictionWritten} event. A JPA entity listener
 * that Hibernate gets from CDI; the read cache observes the event, so neither the entity nor this listener knows the
 * cache.
 */
@ApplicationScoped
public class PredictionWrites {

    @Inject
    Event<PredictionWritten> written;

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(Prediction p) {
        written.fire(new PredictionWritten(p.key, p.speaker));
    }
}
