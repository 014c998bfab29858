package app.hindsight.prediction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Every insert, update and delete of a prediction, whoever makes it (the API, an import, the scheduler), leaves the
 * read cache. A JPA entity listener that Hibernate gets from CDI, so the entity itself knows nothing of the cache.
 */
@ApplicationScoped
public class PredictionCacheListener {

    @Inject
    PredictionCache cache;

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(Prediction p) {
        cache.written(p.key);
    }
}
