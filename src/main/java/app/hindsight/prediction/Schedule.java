package app.hindsight.prediction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/** The dates that follow from a target and a review cadence. */
public final class Schedule {

    private Schedule() {
    }

    /** The day on which a prediction with this target date comes due: the day after the window ends. */
    public static LocalDate dueDate(LocalDate targetDate) {
        return targetDate == null ? null : targetDate.plusDays(1);
    }

    /** The start of the day after the target date, in the configured zone. */
    public static Instant dueAt(LocalDate targetDate, ZoneId zone) {
        return targetDate == null ? null : dueDate(targetDate).atStartOfDay(zone).toInstant();
    }

    /**
     * The earlier of the due date and the next periodic review. Periodic reviews count from
     * {@code from} (the day tracking starts or resumes), so a prediction entered long after it was made is
     * not flagged at once merely because it is old.
     */
    public static LocalDate nextReviewOn(LocalDate targetDate, Period reviewEvery, LocalDate from) {
        LocalDate due = dueDate(targetDate);
        LocalDate periodic = reviewEvery == null ? null : from.plus(reviewEvery);
        if (due == null) {
            return periodic;
        }
        if (periodic == null) {
            return due;
        }
        return periodic.isBefore(due) ? periodic : due;
    }
}
