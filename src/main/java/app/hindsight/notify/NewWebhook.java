package app.hindsight.notify;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.text.SingleLine;

/** A subscription as a client asks for it. The URL's scheme and host are checked by {@link WebhookService}. */
@Schema(name = "NewWebhook")
public record NewWebhook(
        @NotBlank
        @Size(max = 2000)
        @SingleLine
        @Schema(
                description = "Where notices are POSTed: an http or https URL with a host and no user-info, on a "
                        + "public address unless hindsight.webhooks.allow-private or "
                        + "hindsight.webhooks.allowed-networks opens others",
                example = "https://chat.example.org/hooks/hindsight")
        String url,

        @NotEmpty
        @Schema(
                description = "The notice kinds to receive",
                maxItems = 6,
                example = "[\"prediction.due\", \"review.overdue\"]")
        List<@NotNull @SingleLine @Pattern(regexp = Notice.KINDS_PATTERN, message = Notice.KINDS_MESSAGE) String>
                eventTypes,

        @Size(max = 300) @SingleLine @Schema(example = "Chat bridge, #predictions channel")
        String description) {}
