package app.hindsight.prediction.model;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.text.MultiLine;

/**
 * A reviewer's verdict. {@code resolvedOn} defaults to today, {@code knownOn} (the day the answer became known:
 * forecasts made on or after it do not score) to {@code resolvedOn}; {@code voidReason} is given with VOID and only
 * then. {@link Command.Resolve} checks the dates and the reason.
 */
public record Resolution(
        @NotNull Outcome outcome,

        @NotBlank @Size(max = 4000) @MultiLine @Schema(example = "The price list of December 2027 shows a 120x drop.")
        String note,

        @Size(max = 50) List<@NotNull @Valid Evidence> evidence,
        LocalDate resolvedOn,

        @Schema(
                description = "the day the answer became known (default resolvedOn; not after it, not before madeOn):"
                        + " forecasts made on or after it are kept but not scored")
        LocalDate knownOn,

        @Schema(description = "why the prediction does not count: required with outcome VOID, refused with any other")
        VoidReason voidReason) {

    /** A verdict without knownOn or voidReason. */
    public Resolution(Outcome outcome, String note, List<Evidence> evidence, LocalDate resolvedOn) {
        this(outcome, note, evidence, resolvedOn, null, null);
    }
}
