package app.hindsight.prediction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The due rules, given the date: window ends, dueAt in a zone, the next review, without Quarkus. */
class DueDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @ParameterizedTest(name = "{1} window of {0} ends {2}")
    @CsvSource({
        "2027-06-15, YEAR, 2027-12-31",
        "2027-01-01, YEAR, 2027-12-31",
        "2027-02-10, QUARTER, 2027-03-31",
        "2027-05-01, QUARTER, 2027-06-30",
        "2027-08-31, QUARTER, 2027-09-30",
        "2027-11-30, QUARTER, 2027-12-31",
        "2027-02-03, MONTH, 2027-02-28",
        "2028-02-03, MONTH, 2028-02-29",
        "2027-04-01, MONTH, 2027-04-30",
        "2027-04-17, DAY, 2027-04-17"
    })
    void targetWindowEndsOnTheLastDayOfItsPrecision(LocalDate date, Precision precision, LocalDate end) {
        assertEquals(end, DueDates.windowEnd(date, precision));
    }

    @Test
    void aPredictionComesDueTheDayAfterItsWindow() {
        assertEquals(LocalDate.of(2028, 1, 1), DueDates.dueDate(LocalDate.of(2027, 12, 31)));
        assertNull(DueDates.dueDate(null));
    }

    @Test
    void dueAtIsTheStartOfThatDayInTheConfiguredZone() {
        LocalDate end = LocalDate.of(2027, 12, 31);
        assertEquals(Instant.parse("2028-01-01T00:00:00Z"), DueDates.dueAt(end, ZoneOffset.UTC));
        assertEquals(Instant.parse("2027-12-31T23:00:00Z"), DueDates.dueAt(end, ZoneId.of("Europe/Berlin")));
        assertEquals(Instant.parse("2028-01-01T05:00:00Z"), DueDates.dueAt(end, ZoneId.of("America/New_York")));
        assertNull(DueDates.dueAt(null, ZoneOffset.UTC), "an undated prediction is never due by date");
    }

    @Test
    void withoutCadenceTheNextReviewIsTheDueDate() {
        assertEquals(LocalDate.of(2028, 1, 1), DueDates.nextReviewOn(LocalDate.of(2027, 12, 31), null, TODAY));
    }

    @Test
    void aCadenceShorterThanTheWaitReviewsEarlier() {
        assertEquals(
                LocalDate.of(2026, 9, 10),
                DueDates.nextReviewOn(LocalDate.of(2027, 12, 31), Period.ofMonths(6), TODAY));
    }

    @Test
    void aCadenceLongerThanTheWaitReviewsOnTheDueDate() {
        assertEquals(
                LocalDate.of(2026, 7, 1), DueDates.nextReviewOn(LocalDate.of(2026, 6, 30), Period.ofYears(1), TODAY));
    }

    @Test
    void anUndatedPredictionIsReviewedEveryPeriodFromWhenTrackingStarts() {
        assertEquals(LocalDate.of(2027, 3, 10), DueDates.nextReviewOn(null, Period.ofYears(1), TODAY));
        assertEquals(LocalDate.of(2026, 3, 17), DueDates.nextReviewOn(null, Period.ofWeeks(1), TODAY));
    }

    @Test
    void anOldPredictionEnteredTodayIsNotDueAtOnce() {
        // Made in 2020 with a yearly cadence: counted from today, not from madeOn.
        assertTrue(DueDates.nextReviewOn(null, Period.ofYears(1), TODAY).isAfter(TODAY));
    }

    @Test
    void dueAtHasPassedFromItsVeryInstant() {
        Instant dueAt = Instant.parse("2028-01-01T00:00:00Z");
        assertFalse(DueDates.duePassed(dueAt, dueAt.minusNanos(1000)));
        assertTrue(DueDates.duePassed(dueAt, dueAt));
        assertTrue(DueDates.duePassed(dueAt, dueAt.plusSeconds(1)));
        assertFalse(DueDates.duePassed(null, dueAt), "an undated prediction never passes its due date");
    }

    @Test
    void takenUpAgainAfterDueAtItIsReviewedOnItsDueDate() {
        LocalDate end = LocalDate.of(2025, 12, 31);
        Instant dueAt = DueDates.dueAt(end, ZoneOffset.UTC);
        assertEquals(
                LocalDate.of(2026, 1, 1),
                DueDates.resumedReviewOn(
                        end, Period.ofMonths(3), dueAt, TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), TODAY));
    }

    @Test
    void takenUpAgainBeforeDueAtTheCadenceCountsFromToday() {
        LocalDate end = LocalDate.of(2030, 12, 31);
        Instant dueAt = DueDates.dueAt(end, ZoneOffset.UTC);
        Instant now = TODAY.atStartOfDay().toInstant(ZoneOffset.UTC);
        assertEquals(LocalDate.of(2026, 6, 10), DueDates.resumedReviewOn(end, Period.ofMonths(3), dueAt, now, TODAY));
        assertEquals(LocalDate.of(2031, 1, 1), DueDates.resumedReviewOn(end, null, dueAt, now, TODAY));
        assertEquals(LocalDate.of(2026, 4, 10), DueDates.resumedReviewOn(null, Period.ofMonths(1), null, now, TODAY));
    }

    @Test
    void flaggedOnOrAfterTheDueDateTheTargetWasReached() {
        LocalDate end = LocalDate.of(2027, 12, 31);
        assertEquals(FlagReason.TARGET_REACHED, DueDates.reason(end, LocalDate.of(2028, 1, 1)));
        assertEquals(FlagReason.TARGET_REACHED, DueDates.reason(end, LocalDate.of(2028, 3, 1)));
    }

    @Test
    void flaggedBeforeTheDueDateOrUndatedItIsAPeriodicReview() {
        assertEquals(FlagReason.PERIODIC_REVIEW, DueDates.reason(LocalDate.of(2027, 12, 31), LocalDate.of(2027, 6, 1)));
        assertEquals(FlagReason.PERIODIC_REVIEW, DueDates.reason(null, LocalDate.of(2027, 6, 1)));
    }

    @Test
    void aResolvedPredictionClosesAtTheEarlierOfDueAndResolution() {
        Instant due = Instant.parse("2027-12-31T23:00:00Z");
        Instant early = Instant.parse("2027-06-01T10:00:00Z");
        Instant late = Instant.parse("2028-02-01T10:00:00Z");
        ZoneId utc = ZoneOffset.UTC;
        assertEquals(early, DueDates.closesAt(due, early, null, utc));
        assertEquals(due, DueDates.closesAt(due, late, null, utc));
        assertEquals(late, DueDates.closesAt(null, late, null, utc));
        assertNull(DueDates.closesAt(due, null, null, utc));
    }

    @Test
    void theAnswerKnownEarlierClosesAtTheStartOfThatDayInTheZone() {
        Instant due = Instant.parse("2027-12-31T23:00:00Z");
        Instant resolved = Instant.parse("2027-06-10T10:00:00Z");
        LocalDate known = LocalDate.of(2027, 6, 3);
        assertEquals(Instant.parse("2027-06-03T00:00:00Z"), DueDates.closesAt(due, resolved, known, ZoneOffset.UTC));
        assertEquals(
                Instant.parse("2027-06-02T22:00:00Z"),
                DueDates.closesAt(due, resolved, known, ZoneId.of("Europe/Berlin")),
                "the day begins in the service's zone");
        assertEquals(
                Instant.parse("2027-06-10T00:00:00Z"),
                DueDates.closesAt(due, resolved, LocalDate.of(2027, 6, 10), ZoneOffset.UTC),
                "known on the resolution day: forecasts made earlier that day do not score either");
        assertEquals(
                Instant.parse("2026-01-01T00:00:00Z"),
                DueDates.closesAt(Instant.parse("2026-01-01T00:00:00Z"), resolved, known, ZoneOffset.UTC),
                "a due date before knownOn still closes first");
    }
}
