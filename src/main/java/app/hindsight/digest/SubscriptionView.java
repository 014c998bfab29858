package app.hindsight.digest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as the API shows it: never its tokens. */
@Schema(
        name = "Subscription",
        requiredProperties = {
            "id",
            "email",
            "events",
            "topics",
            "speakers",
            "cadence",
            "status",
            "createdAt",
            "createdBy"
        })
public record SubscriptionView(
        long id,
        String email,
        List<String> events,

        @Schema(description = "Empty: any topic") List<String> topics,

        @Schema(description = "Empty: any speaker") List<String> speakers,

        Cadence cadence,

        @Schema(description = "PENDING until the link in the confirmation mail is used; nothing else is sent before")
        SubscriptionStatus status,

        Instant createdAt,

        @Schema(description = "The name of the token that subscribed")
        String createdBy,

        Instant confirmedAt,

        @Schema(description = "While PENDING: when the confirmation link stops working")
        Instant confirmationExpiresAt,

        @Schema(description = "When its subscriber unsubscribed")
        Instant endedAt,

        @Schema(
                deprecated = true,
                description = "confirmationExpiresAt under its old name; removed in the next release")
        Instant confirmBy) {

    /** A subscription; confirmBy repeats confirmationExpiresAt for clients of earlier releases. */
    public SubscriptionView(
            long id,
            String email,
            List<String> events,
            List<String> topics,
            List<String> speakers,
            Cadence cadence,
            SubscriptionStatus status,
            Instant createdAt,
            String createdBy,
            Instant confirmedAt,
            Instant confirmationExpiresAt,
            Instant endedAt) {
        this(
                id,
                email,
                events,
                topics,
                speakers,
                cadence,
                status,
                createdAt,
                createdBy,
                confirmedAt,
                confirmationExpiresAt,
                endedAt,
                confirmationExpiresAt);
    }
}
