package app.hindsight.review;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.prediction.model.FlagReason;

@Schema(
        name = "Review",
        requiredProperties = {"id", "prediction", "reason", "openedAt", "remindersSent"})
public record ReviewView(
        long id,
        String prediction,
        String statement,
        FlagReason reason,

        @Schema(
                description = "The day the review became due, in hindsight.zone: the prediction's nextReviewOn"
                        + " when it opened (a date, so ...On; the prediction's dueAt is the instant it came"
                        + " due)")
        LocalDate dueOn,

        Instant openedAt,

        @Schema(description = "Whole days since dueOn, for open reviews")
        Long daysOverdue,

        String assignee,
        Instant closedAt,
        String closedBy,
        Review.Closure closure,

        @Schema(description = "Escalations (review.overdue notices) sent")
        int remindersSent) {}
