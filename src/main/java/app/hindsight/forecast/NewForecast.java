package app.hindsight.forecast;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.text.MultiLine;

/**
 * A forecast's body. 0 and 1 are refused: a forecaster certain of the outcome would score an infinite log loss
 * when wrong, and certainty is what the forecasts are meant to question.
 */
public record NewForecast(
        @Schema(
                required = true,
                minimum = "0.01",
                maximum = "0.99",
                description = "the probability that the prediction resolves CORRECT",
                example = "0.3")
        @NotNull
        @DecimalMin(value = "0.01", message = "must be from 0.01 to 0.99")
        @DecimalMax(value = "0.99", message = "must be from 0.01 to 0.99")
        Double probability,

        @Schema(maxLength = 2000, example = "Prices fell 10x a year since 2023") @Size(max = 2000) @MultiLine
        String note) {}
