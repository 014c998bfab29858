package app.hindsight.prediction.model;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.text.MultiLine;

/** A reviewer's verdict. {@code resolvedOn} defaults to today. */
public record Resolution(
        @NotNull Outcome outcome,

        @NotBlank @Size(max = 4000) @MultiLine @Schema(example = "The price list of December 2027 shows a 120x drop.")
        String note,

        @Size(max = 50) List<@NotNull @Valid Evidence> evidence,
        LocalDate resolvedOn) {}
