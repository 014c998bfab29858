package app.hindsight.prediction.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.text.SingleLine;

/** A document a reviewer relied on. */
public record Evidence(
        @NotBlank
        @Size(max = 2000)
        @SingleLine
        @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
        @Schema(example = "https://example.org/pricing-2027")
        String url,

        @Size(max = 300) @SingleLine @Schema(example = "Pricing page, December 2027")
        String title) {}
