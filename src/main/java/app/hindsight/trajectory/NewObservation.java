package app.hindsight.trajectory;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.prediction.model.Evidence;
import app.hindsight.text.MultiLine;

/** The value of the prediction's metric on a day, in the metric's unit. */
public record NewObservation(
        @Schema(
                required = true,
                description = "the day the value held, from the baseline's day to today",
                example = "2026-11-29")
        @NotNull
        LocalDate on,

        @Schema(
                required = true,
                description = "in the metric's unit: 0 or of a magnitude from 1e-12 to 1e15; above 0 on a LOG scale",
                example = "0.34375")
        @NotNull
        Double value,

        @Schema(maxLength = 4000, example = "List price of the cheapest GPT-5-level model") @Size(max = 4000) @MultiLine
        String note,

        @Schema(maxItems = 20) @Size(max = 20) List<@Valid @NotNull Evidence> evidence) {}
