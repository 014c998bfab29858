package app.hindsight.source;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.shared.Keys;
import app.hindsight.text.MultiLine;
import app.hindsight.text.SingleLine;

/** A source as a client writes it. */
@Schema(name = "NewSource")
public record NewSource(
        @Size(min = 3, max = 80)
        @SingleLine
        @Pattern(regexp = Keys.SLUG, message = Keys.SLUG_MESSAGE)
        @Schema(description = "Slug; generated from the title when absent", example = "altman-town-hall-2026-01-27")
        String key,

        @NotBlank @Size(max = 300) @SingleLine @Schema(example = "OpenAI town hall with Sam Altman")
        String title,

        @NotBlank @Size(max = 200) @SingleLine @Schema(example = "Sam Altman")
        String speaker,

        @NotNull @Schema(description = "When it was said", example = "2026-01-27")
        LocalDate date,

        @Size(max = 2000)
        @SingleLine
        @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
        @Schema(example = "https://example.org/altman-town-hall-2026-01-27")
        String url,

        @Size(max = 35)
        @SingleLine
        @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", message = "must be a BCP 47 language tag like zh-Hant")
        @Schema(example = "zh-Hant")
        String language,

        @Size(max = 4000) @MultiLine @Schema(example = "Summary of the builders' town hall")
        String description) {}
