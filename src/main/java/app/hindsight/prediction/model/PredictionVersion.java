package app.hindsight.prediction.model;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One version of a prediction's amendable fields: what they said from {@code from} until {@code to} (null for the
 * current one), the event that made it (CREATED for the first, UPDATED or AMENDED after) and, for an amendment, why.
 */
@Schema(name = "PredictionVersion")
public record PredictionVersion(
        @Schema(required = true, example = "2", description = "1 for the version it was created with")
        int version,

        @Schema(required = true) Instant from,

        @Schema(description = "when the next version replaced it; null for the current one")
        Instant to,

        @Schema(description = "the id of the history event that made it")
        Long eventId,

        @Schema(description = "CREATED, UPDATED or AMENDED") EventType eventType,
        String actor,

        @Schema(description = "why it was amended (AMENDED only)")
        String reason,

        String statement,
        String resolutionCriteria,

        @Schema(
                type = SchemaType.OBJECT,
                implementation = Object.class,
                description = "the target, as on the prediction")
        JsonNode target,

        @Schema(type = SchemaType.OBJECT, implementation = Object.class, description = "the metric, or null")
        JsonNode metric) {}
