package app.hindsight.prediction.model;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.text.MultiLine;

/** Snooze a due prediction until a later date; its target stays as it was. */
public record Deferral(
        @NotNull LocalDate until,

        @Size(max = 4000) @MultiLine @Schema(example = "Q4 price lists not out yet")
        String note) {}
