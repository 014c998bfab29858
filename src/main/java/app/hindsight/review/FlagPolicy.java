package app.hindsight.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import app.hindsight.prediction.model.DueDates;
import app.hindsight.prediction.model.Status;

/**
 * When the due scan flags a prediction DUE: an OPEN prediction whose next review day has begun, in the service's
 * zone. Plain code, given the time.
 */
public final class FlagPolicy {

    private final ZoneId zone;

    public FlagPolicy(ZoneId zone) {
        this.zone = zone;
    }

    /** The day it is at {@code now}: a prediction comes due at the start of its nextReviewOn. */
    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    /** Whether a prediction in this state is to be flagged at {@code now}. */
    public boolean isDue(Status status, LocalDate nextReviewOn, Instant now) {
        return DueDates.reviewDue(status, nextReviewOn, today(now));
    }

    /**
     * The occasion a flag opens a review for, the review's unique cycle and the prediction.due notice's period: the
     * version at flagging names it, so two scanners seeing the same occasion agree, and a later one differs.
     */
    public static String cycle(LocalDate nextReviewOn, long version) {
        return nextReviewOn + "/v" + version;
    }
}
