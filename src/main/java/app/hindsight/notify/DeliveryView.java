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

        @Schema(description = "The key of the prediction the notice is about", example = "altman-100x-2027")
        String prediction,

        DeliveryStatus status,
        Instant createdAt,
        Instant deliveredAt,

        @Schema(description = "When the next attempt is due; null once DELIVERED or FAILED")
        Instant nextAttemptAt,

        List<AttemptView> attempts,

        @Schema(
                deprecated = true,
                description = "The same key as prediction, under its old name; removed in the next release")
        String predictionKey) {

    /** A delivery; predictionKey repeats prediction for clients of earlier releases. */
    public DeliveryView(
            long id,
            String messageId,
            String eventType,
            String prediction,
            DeliveryStatus status,
            Instant createdAt,
            Instant deliveredAt,
            Instant nextAttemptAt,
            List<AttemptView> attempts) {
        this(id, messageId, eventType, prediction, status, createdAt, deliveredAt, nextAttemptAt, attempts, prediction);
    }

    /** One HTTP attempt: statusCode is null and error says why when no response came. */
    @Schema(name = "WebhookAttempt")
    public record AttemptView(int attempt, Instant at, Integer statusCode, long durationMs, String error) {}
}
