package app.hindsight.trajectory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.prediction.model.Evidence;

/** An observation as the API shows it; a retracted one is still listed, marked. */
public record ObservationView(
        @Schema(required = true, example = "1") long id,
        @Schema(required = true, example = "2026-11-29") LocalDate on,
        @Schema(required = true, example = "0.34375") double value,
        String note,
        @Schema(required = true) List<Evidence> evidence,
        @Schema(required = true) Instant recordedAt,
        @Schema(required = true, example = "alice") String recordedBy,
        @Schema(required = true) boolean retracted,
        Instant retractedAt,
        String retractedBy) {}
