package app.hindsight.prediction;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The measurable side of a quantitative prediction: from {@code baseline} towards {@code target}. */
public record Metric(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 50) String unit,
        @Valid Baseline baseline,
        @NotNull Double target,
        @NotNull Direction direction) {

    public record Baseline(@NotNull Double value, LocalDate on) {
    }
}
