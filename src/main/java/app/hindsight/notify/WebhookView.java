package app.hindsight.notify;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A subscription as the API shows it. {@code secret} is present only in the response that created it. */
@Schema(
        name = "Webhook",
        requiredProperties = {"id", "url", "eventTypes", "enabled", "consecutiveFailures", "createdAt"})
public record WebhookView(
        long id,
        String url,
        List<String> eventTypes,
        String description,

        @Schema(description = "False once the subscription was disabled after failing deliveries")
        boolean enabled,

        @Schema(description = "Deliveries in a row that ended FAILED")
        int consecutiveFailures,

        Instant disabledAt,
        String disabledReason,
        Instant createdAt,
        String createdBy,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The signing secret (whsec_ and base64); shown once, when the subscription is created")
        String secret) {}
