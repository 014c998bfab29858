package app.hindsight.prediction.model;

/**
 * A prediction row was inserted, updated or deleted, whoever wrote it (the API, an import, the scheduler). Fired
 * synchronously by {@link PredictionWrites} at flush; the read cache observes it. An event, so that what a prediction
 * is knows nothing of where it is stored or cached.
 */
public record PredictionWritten(String key, String speaker) {}
