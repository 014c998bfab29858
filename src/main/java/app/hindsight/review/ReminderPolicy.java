package app.hindsight.review;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * When to remind of an OPEN prediction coming due (prediction.upcoming): once per lead time before its dueAt, and
 * only for the nearest lead time already reached, so after downtime the reminders it missed are not sent in a
 * burst. Each reminder has a period naming it (lead time and dueAt); one already sent is not sent again, and a
 * prediction whose dueAt moves gets reminded anew. Plain code, given the time.
 */
public final class ReminderPolicy {

    /** A reminder to send: the lead time reached, and the notice period that makes it happen once. */
    public record Reminder(Period lead, String period) {}

    private final List<Period> leads;
    private final ZoneId zone;

    public ReminderPolicy(List<Period> leads, ZoneId zone) {
        this.leads = List.copyOf(leads);
        this.zone = zone;
    }

    /** How far ahead to look at {@code now}: dueAt up to now plus the longest lead time; none without lead times. */
    public Optional<Instant> horizon(Instant now) {
        List<Period> sorted = sorted(now);
        return sorted.isEmpty() ? Optional.empty() : Optional.of(plus(now, sorted.get(sorted.size() - 1)));
    }

    /**
     * The reminder due at {@code now} for a prediction due at {@code dueAt}, if any: the nearest lead time reached
     * (at 20 days out that is P30D, at 5 days P7D), unless {@code sent} says its period has been sent already.
     * Nothing for a dueAt that has passed (the flag takes over) or lies beyond the horizon.
     */
    public Optional<Reminder> reminder(Instant dueAt, Instant now, Predicate<String> sent) {
        Optional<Instant> horizon = horizon(now);
        if (dueAt == null || !dueAt.isAfter(now) || horizon.isEmpty() || dueAt.isAfter(horizon.get())) {
            return Optional.empty();
        }
        Optional<Period> lead =
                sorted(now).stream().filter(l -> !now.isBefore(minus(dueAt, l))).findFirst();
        return lead.map(l -> new Reminder(l, period(l, dueAt))).filter(r -> !sent.test(r.period()));
    }

    /** The notice period of the reminder at this lead time before this dueAt. */
    public static String period(Period lead, Instant dueAt) {
        return lead + "@" + dueAt;
    }

    /** Shortest first, measured from {@code now} (P1M and P30D compare differently in different months). */
    private List<Period> sorted(Instant now) {
        List<Period> sorted = new ArrayList<>(leads);
        sorted.sort(Comparator.comparing(p -> plus(now, p)));
        return sorted;
    }

    private Instant plus(Instant at, Period period) {
        return ZonedDateTime.ofInstant(at, zone).plus(period).toInstant();
    }

    private Instant minus(Instant at, Period period) {
        return ZonedDateTime.ofInstant(at, zone).minus(period).toInstant();
    }
}
