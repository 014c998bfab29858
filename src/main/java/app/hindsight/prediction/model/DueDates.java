package app.hindsight.prediction.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * When a prediction comes due and when it is next reviewed, from its target, its review cadence, the configured
 * zone and today. Plain code, handed the time: the entity and the scheduler ask it, tests call it directly.
 */
public final class DueDates {

    private DueDates() {}

    /**
     * The last day of the window of this precision that contains {@code date}: a target date must be one (the
     * 31 December of a YEAR, the last day of a QUARTER or MONTH, any day of DAY precision).
     */
    public static LocalDate windowEnd(LocalDate date, Precision precision) {
        return switch (precision) {
            case DAY -> date;
            case MONTH -> date.with(TemporalAdjusters.lastDayOfMonth());
            case QUARTER -> {
                int lastMonth = date.get(IsoFields.QUARTER_OF_YEAR) * 3;
                yield date.withMonth(lastMonth).with(TemporalAdjusters.lastDayOfMonth());
            }
            case YEAR -> date.with(TemporalAdjusters.lastDayOfYear());
        };
    }

    /** The day on which a prediction with this target date comes due: the day after the window ends. */
    public static LocalDate dueDate(LocalDate targetDate) {
        return targetDate == null ? null : targetDate.plusDays(1);
    }

    /** The start of the day after the target date, in the configured zone; none for an undated prediction. */
    public static Instant dueAt(LocalDate targetDate, ZoneId zone) {
        return targetDate == null
                ? null
                : dueDate(targetDate).atStartOfDay(zone).toInstant();
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

    /** Whether a prediction due at {@code dueAt} has come due by {@code now}; an undated one never does. */
    public static boolean duePassed(Instant dueAt, Instant now) {
        return dueAt != null && !dueAt.isAfter(now);
    }

    /**
     * The next review of a prediction taken up again (reopened, restored): its due date when dueAt has passed (it
     * goes straight to DUE), else counted afresh from today.
     */
    public static LocalDate resumedReviewOn(
            LocalDate targetDate, Period reviewEvery, Instant dueAt, Instant now, LocalDate today) {
        return duePassed(dueAt, now) ? dueDate(targetDate) : nextReviewOn(targetDate, reviewEvery, today);
    }

    /**
     * Whether the review date has come: an OPEN prediction whose next review day has begun on {@code today} (the
     * day in the service's zone). What the due scan flags; the one place this rule is written.
     */
    public static boolean reviewDue(Status status, LocalDate nextReviewOn, LocalDate today) {
        return status == Status.OPEN && nextReviewOn != null && !nextReviewOn.isAfter(today);
    }

    /**
     * Why a prediction whose review date has come is due: its target window has ended (the review falls on or
     * after the due date), or only a periodic review is due.
     */
    public static FlagReason reason(LocalDate targetDate, LocalDate nextReviewOn) {
        LocalDate due = dueDate(targetDate);
        return due != null && nextReviewOn != null && !nextReviewOn.isBefore(due)
                ? FlagReason.TARGET_REACHED
                : FlagReason.PERIODIC_REVIEW;
    }

    /**
     * When a resolved prediction closed to forecasts that score: the earliest of its dueAt, the moment its resolution
     * was recorded and the start of the day the answer became known ({@code knownOn}, in {@code zone}; none when
     * null), so a forecast made on or after knownOn does not score; null while unresolved.
     */
    public static Instant closesAt(Instant dueAt, Instant resolvedAt, LocalDate knownOn, ZoneId zone) {
        if (resolvedAt == null) {
            return null;
        }
        Instant close = dueAt != null && dueAt.isBefore(resolvedAt) ? dueAt : resolvedAt;
        Instant known = knownOn == null ? null : knownOn.atStartOfDay(zone).toInstant();
        return known != null && known.isBefore(close) ? known : close;
    }
}
