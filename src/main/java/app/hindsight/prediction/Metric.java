package app.hindsight.prediction;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The measurable side of a quantitative prediction: from {@code baseline} towards {@code target}. */
public record Metric(
        @NotBlank @Size(max = 200) @Schema(example = "price relative to early 2026") String name,
        @Size(max = 50) @Schema(example = "ratio") String unit,
        @Valid Baseline baseline,
        @NotNull @Schema(example = "0.01") Double target,
        @NotNull Direction direction) {

    public record Baseline(@NotNull Double value, LocalDate on) {
    }
}
