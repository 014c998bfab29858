package app.hindsight.notify;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One notice's delivery to a subscription, with every attempt made. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
        long id,

        @Schema(description = "The webhook-id header sent with every attempt", example = "msg_1051")
        String messageId,

        @Schema(description = "The notice kind", example = "prediction.due")
        String eventType,

        String predictionKey,
        DeliveryStatus status,
        Instant createdAt,
        Instant deliveredAt,

        @Schema(description = "When the next attempt is due; null once DELIVERED or FAILED")
        Instant nextAttemptAt,

        List<AttemptView> attempts) {

    /** One HTTP attempt: statusCode is null and error says why when no response came. */
    @Schema(name = "WebhookAttempt")
    public record AttemptView(int attempt, Instant at, Integer statusCode, long durationMs, String error) {}
}
