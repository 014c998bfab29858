package app.hindsight.review;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.OptionalInt;

/**
 * When to escalate a review left open (review.overdue): after each escalation period since it opened, up to a cap,
 * each escalation once. After downtime only the latest reached is sent, not the ones missed. Plain code, given the
 * time.
 */
public final class EscalationPolicy {

    private final Period every;
    private final int max;
    private final ZoneId zone;

    public EscalationPolicy(Period every, int max, ZoneId zone) {
        this.every = every;
        this.max = max;
        this.zone = zone;
    }

    public int max() {
        return max;
    }

    /** Reviews opened at or before this instant may be due an escalation at {@code now}. */
    public Instant openedBefore(Instant now) {
        return ZonedDateTime.ofInstant(now, zone).minus(every).toInstant();
    }

    /**
     * The escalation due at {@code now} for a review opened at {@code openedAt} that has had {@code sent} so far:
     * the number of whole periods passed since it opened, at most the cap, if that is more than were sent. Nothing
     * for a closed review.
     */
    public OptionalInt escalation(Instant openedAt, Instant closedAt, int sent, Instant now) {
        if (closedAt != null) {
            return OptionalInt.empty();
        }
        int reached = periodsReached(openedAt, now);
        return reached > sent ? OptionalInt.of(reached) : OptionalInt.empty();
    }

    /** The notice period of a review's n-th escalation. */
    public static String period(long reviewId, int escalation) {
        return "review-" + reviewId + "#" + escalation;
    }

    /** How many whole periods have passed since {@code from}, at most the cap. */
    private int periodsReached(Instant from, Instant now) {
        int k = 0;
        while (k < max
                && !ZonedDateTime.ofInstant(from, zone)
                        .plus(every.multipliedBy(k + 1))
                        .toInstant()
                        .isAfter(now)) {
            k++;
        }
        return k;
    }
}
