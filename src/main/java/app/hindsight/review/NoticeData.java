package app.hindsight.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import app.hindsight.prediction.model.FlagReason;

/**
 * What the due scan's notices carry as their data, and the details of the events it records: records the
 * application's ObjectMapper writes, so the payloads are written the way the API writes the same values.
 * Absent values are written as null, as the API does.
 */
final class NoticeData {

    private NoticeData() {}

    /** The prediction a prediction.due or prediction.upcoming notice is about, with its API path and URL. */
    record Prediction(
            String key,
            String statement,
            String speaker,
            LocalDate targetDate,
            Instant dueAt,
            String path,
            String url) {}

    /** The prediction a review.overdue notice is about: enough to link it. */
    record PredictionLink(String key, String path, String url) {}

    /** prediction.due */
    record Due(Prediction prediction, FlagReason reason, long reviewId) {}

    /** prediction.upcoming */
    record Upcoming(Prediction prediction, Period leadTime) {}

    /** review.overdue */
    record Overdue(long reviewId, PredictionLink prediction, Instant openedAt, int escalation, String assignee) {}

    /** The REMINDED event's details. */
    record Reminded(Period leadTime, Instant dueAt) {}

    /** The ESCALATED event's details. */
    record Escalated(long reviewId, int escalation) {}
}
