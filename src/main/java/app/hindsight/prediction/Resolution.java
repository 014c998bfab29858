package app.hindsight.prediction;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A reviewer's verdict. {@code resolvedOn} defaults to today. */
public record Resolution(
        @NotNull Outcome outcome,
        @NotBlank @Size(max = 4000) String note,
        @Size(max = 50) List<@NotNull @Valid Evidence> evidence,
        LocalDate resolvedOn) {
}
