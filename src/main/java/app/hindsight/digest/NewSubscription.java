package app.hindsight.digest;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.notify.Notice;
import app.hindsight.shared.Keys;
import app.hindsight.text.SingleLine;

/** A subscription as a client asks for it: where to, which notices, how often. */
@Schema(name = "NewSubscription")
public record NewSubscription(
        @NotBlank
        @Size(max = 254)
        @SingleLine
        // Bean Validation's @Email alone takes "a@b" and quoted local parts; mail goes to plain addresses with a
        // dotted domain (an international one in its xn-- form), and nothing that could end a header line.
        @Email(
                regexp = "[^\\s@<>()\\[\\],;:\"\\\\]{1,64}@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                        + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+",
                message = "must be an email address like reviewer@example.org")
        @AsciiLocalPart
        @Schema(
                description = "Where digests go; a confirmation mail goes there first",
                example = "reviewer@example.org")
        String email,

        @Size(min = 1, max = 5)
        @Schema(
                description = "The notice kinds to hear of; all of them when absent",
                example = "[\"prediction.due\", \"prediction.upcoming\", \"review.overdue\"]")
        List<@NotNull @SingleLine @Pattern(regexp = Notice.KINDS_PATTERN, message = Notice.KINDS_MESSAGE) String>
                events,

        @Size(max = 20)
        @Schema(
                description = "Only predictions with one of these topics; any topic when absent or empty",
                example = "[\"cost\"]")
        List<
                        @NotNull @Size(max = 50) @SingleLine
                        @Pattern(regexp = Keys.SLUG, message = "must be a lower-case tag like k12-education") String>
                topics,

        @Size(max = 20)
        @Schema(
                description = "Only predictions by one of these speakers (any case); anyone when absent or empty",
                example = "[\"Sam Altman\"]")
        List<@NotBlank @Size(max = 200) @SingleLine String> speakers,

        @NotNull @Schema(description = "DAILY: every morning at 07:00 (hindsight.zone); WEEKLY: on Mondays")
        Cadence cadence) {}
