package app.hindsight.intake.store;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.text.MultiLine;

/** Why a candidate is left out; the body of a dismissal. */
@Schema(name = "Dismissal")
public record Dismissal(
        @NotNull DismissReason reason,

        @Size(max = 2000) @MultiLine @Schema(example = "a question from the audience, not Altman's")
        String note) {}
