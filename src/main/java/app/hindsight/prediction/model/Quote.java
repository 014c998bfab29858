package app.hindsight.prediction.model;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.text.MultiLine;
import app.hindsight.text.SingleLine;

/** The speaker's original words and where they stand in the source. Embedded in the prediction (quote_*). */
@Embeddable
public record Quote(
        @NotBlank @Size(max = 2000) @MultiLine @Schema(example = "到2027年底，OpenAI將提供類似GPT-5水平的高級智能，成本至少降低100倍")
        String text,

        @Size(max = 35)
        @SingleLine
        @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", message = "must be a BCP 47 language tag like zh-Hant")
        @Schema(example = "zh-Hant")
        String lang,

        @Size(max = 300) @SingleLine @Schema(example = "§5") String locator) {}
