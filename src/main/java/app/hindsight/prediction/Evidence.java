package app.hindsight.prediction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A document a reviewer relied on. */
public record Evidence(
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String url,
        @Size(max = 300) String title) {
}
