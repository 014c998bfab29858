package app.hindsight.prediction.model;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** A history entry as the API shows it. */
@Schema(
        name = "Event",
        requiredProperties = {"id", "type", "at", "actor"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(
        long id,
        EventType type,
        Instant at,
        String actor,
        String note,
        String reason,

        @Schema(
                type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                implementation = Object.class,
                description =
                        "UPDATED and AMENDED: {field: {old, new}} (AMENDED: the note is the reason); RESOLVED: the "
                                + "verdict; DEFERRED: {until}")
        JsonNode details) {}
