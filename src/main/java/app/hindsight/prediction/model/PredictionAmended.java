package app.hindsight.prediction.model;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Fired inside the transaction of an amendment (an AMENDED event), so the notices can follow it: the prediction as
 * it now is, the event, why, and each amendable field changed, {old, new}.
 */
public record PredictionAmended(
        String key,
        String statement,
        String speaker,
        long eventId,
        String reason,
        JsonNode changes,
        String actor,
        Instant at) {}
