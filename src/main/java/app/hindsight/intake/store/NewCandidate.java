package app.hindsight.intake.store;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.text.MultiLine;

/** A span the rules missed, added by hand: its words, verbatim from the transcript. */
@Schema(name = "NewCandidate")
public record NewCandidate(
        @NotNull @Valid QuoteText quote,

        @Min(1)
        @Max(10_000_000)
        @Schema(description = "which occurrence, from 1, when the words occur more than once; default the first")
        Integer occurrence) {

    public record QuoteText(
            @NotBlank @Size(max = 2000) @MultiLine @Schema(example = "現在的模型已經非常強大")
            String text) {}
}
