package app.hindsight.prediction.model;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.text.MultiLine;

/** Why a prediction is taken out of tracking (e.g. a mis-extraction). */
public record Withdrawal(
        @Size(max = 4000) @MultiLine @Schema(example = "Mis-extraction: the speaker was quoting a critic")
        String note) {}
