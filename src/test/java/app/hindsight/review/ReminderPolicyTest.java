package app.hindsight.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/** When the due scan reminds of a prediction coming due: plain code, no server. */
class ReminderPolicyTest {

    static final Instant DUE_AT = Instant.parse("2031-01-01T00:00:00Z");
    static final List<Period> LEADS = List.of(Period.ofDays(30), Period.ofDays(7), Period.ofDays(1));
    static final ReminderPolicy POLICY = new ReminderPolicy(LEADS, ZoneOffset.UTC);
    static final Predicate<String> NONE_SENT = period -> false;

    @Test
    void nothingBeforeTheLongestLeadTime() {
        assertEquals(Optional.empty(), POLICY.reminder(DUE_AT, DUE_AT.minus(Duration.ofDays(31)), NONE_SENT));
        assertEquals(
                Optional.empty(),
                POLICY.reminder(DUE_AT, DUE_AT.minus(Duration.ofDays(30)).minusSeconds(1), NONE_SENT));
    }

    @Test
    void eachLeadTimeIsRemindedFromTheMomentItIsReached() {
        assertEquals("P30D", lead(DUE_AT.minus(Duration.ofDays(30)), NONE_SENT));
        assertEquals("P30D", lead(DUE_AT.minus(Duration.ofDays(20)), NONE_SENT));
        assertEquals("P7D", lead(DUE_AT.minus(Duration.ofDays(7)), NONE_SENT));
        assertEquals("P7D", lead(DUE_AT.minus(Duration.ofDays(5)), NONE_SENT));
        assertEquals("P1D", lead(DUE_AT.minus(Duration.ofHours(12)), NONE_SENT));
    }

    @Test
    void aReminderSentIsNotSentAgain() {
        Set<String> sent = Set.of(ReminderPolicy.period(Period.ofDays(30), DUE_AT));
        assertEquals(Optional.empty(), POLICY.reminder(DUE_AT, DUE_AT.minus(Duration.ofDays(20)), sent::contains));
        assertEquals("P7D", lead(DUE_AT.minus(Duration.ofDays(6)), sent::contains), "the next lead time still is");
    }

    @Test
    void afterDowntimeOnlyTheNearestLeadTimeReachedIsSent() {
        assertEquals("P1D", lead(DUE_AT.minus(Duration.ofHours(12)), NONE_SENT));
    }

    @Test
    void aPredictionDueOrPastDueIsNotReminded() {
        assertEquals(Optional.empty(), POLICY.reminder(DUE_AT, DUE_AT, NONE_SENT));
        assertEquals(Optional.empty(), POLICY.reminder(DUE_AT, DUE_AT.plusSeconds(1), NONE_SENT));
        assertEquals(Optional.empty(), POLICY.reminder(null, DUE_AT, NONE_SENT), "no due date, no reminder");
    }

    @Test
    void aMovedDueDateIsRemindedAnew() {
        Instant moved = DUE_AT.plus(Duration.ofDays(3));
        Set<String> sent = Set.of(ReminderPolicy.period(Period.ofDays(7), DUE_AT));
        assertEquals(
                "P7D@" + moved,
                POLICY.reminder(moved, moved.minus(Duration.ofDays(6)), sent::contains)
                        .orElseThrow()
                        .period());
    }

    @Test
    void withoutLeadTimesNothingIsReminded() {
        ReminderPolicy none = new ReminderPolicy(List.of(), ZoneOffset.UTC);
        assertEquals(Optional.empty(), none.horizon(DUE_AT));
        assertEquals(Optional.empty(), none.reminder(DUE_AT, DUE_AT.minusSeconds(60), NONE_SENT));
    }

    @Test
    void horizonIsTheLongestLeadTimeAheadWhateverTheOrderGiven() {
        Instant now = Instant.parse("2030-11-01T12:00:00Z");
        assertEquals(Optional.of(now.plus(Duration.ofDays(30))), POLICY.horizon(now));
        ReminderPolicy shuffled =
                new ReminderPolicy(List.of(Period.ofDays(1), Period.ofDays(30), Period.ofDays(7)), ZoneOffset.UTC);
        assertEquals(POLICY.horizon(now), shuffled.horizon(now));
        assertEquals(
                "P7D",
                shuffled.reminder(DUE_AT, DUE_AT.minus(Duration.ofDays(5)), NONE_SENT)
                        .orElseThrow()
                        .lead()
                        .toString());
    }

    @Test
    void monthsAreCalendarMonthsInTheServiceZone() {
        ReminderPolicy berlin = new ReminderPolicy(List.of(Period.ofMonths(1)), ZoneId.of("Europe/Berlin"));
        Instant due = Instant.parse("2031-03-01T00:00:00Z");
        // A month before 01:00 in Berlin on 1 March is 01:00 on 1 February: 28 days.
        assertEquals(
                Optional.empty(),
                berlin.reminder(due, due.minus(Duration.ofDays(28)).minusSeconds(1), NONE_SENT));
        assertEquals(
                "P1M@" + due,
                berlin.reminder(due, due.minus(Duration.ofDays(28)), NONE_SENT)
                        .orElseThrow()
                        .period());
    }

    @Test
    void scanningEveryHourSendsEachReminderOnce() {
        Set<String> sent = new HashSet<>();
        List<String> reminders = new ArrayList<>();
        for (Instant now = DUE_AT.minus(Duration.ofDays(40));
                now.isBefore(DUE_AT.plus(Duration.ofDays(5)));
                now = now.plus(Duration.ofHours(1))) {
            Instant at = now;
            POLICY.reminder(DUE_AT, now, sent::contains).ifPresent(r -> {
                sent.add(r.period());
                reminders.add(r.lead() + " at " + at);
            });
        }
        assertEquals(
                List.of("P30D at 2030-12-02T00:00:00Z", "P7D at 2030-12-25T00:00:00Z", "P1D at 2030-12-31T00:00:00Z"),
                reminders);
    }

    @Test
    void periodNamesLeadTimeAndDueAt() {
        assertEquals("P7D@2031-01-01T00:00:00Z", ReminderPolicy.period(Period.ofDays(7), DUE_AT));
        assertTrue(POLICY.reminder(DUE_AT, DUE_AT.minus(Duration.ofDays(2)), NONE_SENT)
                .isPresent());
    }

    private static String lead(Instant now, Predicate<String> sent) {
        ReminderPolicy.Reminder reminder = POLICY.reminder(DUE_AT, now, sent).orElseThrow();
        assertEquals(ReminderPolicy.period(reminder.lead(), DUE_AT), reminder.period());
        return reminder.lead().toString();
    }
}
