package app.hindsight.prediction.model;

/**
 * Whether a prediction's metric may change: the observations recorded of it have a say (trajectory.ObservationService
 * answers), so that a change of scale cannot leave values the trajectory cannot be worked out from. Asked by every
 * path that stores a changed prediction: an edit, an import, a seed revision.
 */
public interface MetricChangeCheck {

    /**
     * Throws a {@link app.hindsight.shared.Conflict} naming the observations of the prediction that {@code metric}
     * could not carry.
     */
    void check(long predictionId, String key, Metric metric);
}
