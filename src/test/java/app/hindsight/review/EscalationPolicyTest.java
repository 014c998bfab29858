package app.hindsight.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** When the due scan escalates a review left open: plain code, no server. */
class EscalationPolicyTest {

    static final Instant OPENED = Instant.parse("2031-01-01T00:00:00Z");
    static final EscalationPolicy POLICY = new EscalationPolicy(Period.ofDays(7), 4, ZoneOffset.UTC);

    @Test
    void firstEscalationComesOnePeriodAfterOpening() {
        assertEquals(OptionalInt.empty(), at(Duration.ofDays(7).minusSeconds(1), 0));
        assertEquals(OptionalInt.of(1), at(Duration.ofDays(7), 0));
        assertEquals(OptionalInt.of(1), at(Duration.ofDays(13), 0));
        assertEquals(OptionalInt.of(2), at(Duration.ofDays(14), 1));
    }

    @Test
    void anEscalationSentIsNotSentAgain() {
        assertEquals(OptionalInt.empty(), at(Duration.ofDays(7), 1));
        assertEquals(OptionalInt.empty(), at(Duration.ofDays(13), 1));
    }

    @Test
    void afterDowntimeOnlyTheLatestEscalationReachedIsSent() {
        assertEquals(OptionalInt.of(4), at(Duration.ofDays(31), 1));
    }

    @Test
    void escalationsStopAtTheCap() {
        assertEquals(OptionalInt.of(4), at(Duration.ofDays(365), 0));
        assertEquals(OptionalInt.empty(), at(Duration.ofDays(365), 4));
        assertEquals(
                OptionalInt.empty(),
                new EscalationPolicy(Period.ofDays(7), 0, ZoneOffset.UTC)
                        .escalation(OPENED, null, 0, OPENED.plus(Duration.ofDays(30))),
                "a cap of 0 turns escalation off");
    }

    @Test
    void aClosedReviewIsNotEscalated() {
        assertEquals(
                OptionalInt.empty(),
                POLICY.escalation(OPENED, OPENED.plus(Duration.ofDays(1)), 0, OPENED.plus(Duration.ofDays(20))));
    }

    @Test
    void reviewsOpenedAPeriodAgoOrEarlierAreCandidates() {
        Instant now = Instant.parse("2031-02-01T10:00:00Z");
        assertEquals(Instant.parse("2031-01-25T10:00:00Z"), POLICY.openedBefore(now));
        assertEquals(OptionalInt.of(1), POLICY.escalation(POLICY.openedBefore(now), null, 0, now));
    }

    @Test
    void monthsAreCalendarMonthsInTheServiceZone() {
        EscalationPolicy monthly = new EscalationPolicy(Period.ofMonths(1), 4, ZoneId.of("Europe/Berlin"));
        Instant opened = Instant.parse("2031-01-31T12:00:00Z");
        // 31 January plus a month is 28 February.
        assertEquals(OptionalInt.empty(), monthly.escalation(opened, null, 0, Instant.parse("2031-02-28T11:59:59Z")));
        assertEquals(OptionalInt.of(1), monthly.escalation(opened, null, 0, Instant.parse("2031-02-28T12:00:00Z")));
    }

    @Test
    void scanningEveryHourEscalatesEachTimeOnceUpToTheCap() {
        int sent = 0;
        List<String> escalations = new ArrayList<>();
        for (Instant now = OPENED;
                now.isBefore(OPENED.plus(Duration.ofDays(90)));
                now = now.plus(Duration.ofHours(1))) {
            OptionalInt escalation = POLICY.escalation(OPENED, null, sent, now);
            if (escalation.isPresent()) {
                sent = escalation.getAsInt();
                escalations.add(sent + " at " + now);
            }
        }
        assertEquals(
                List.of(
                        "1 at 2031-01-08T00:00:00Z",
                        "2 at 2031-01-15T00:00:00Z",
                        "3 at 2031-01-22T00:00:00Z",
                        "4 at 2031-01-29T00:00:00Z"),
                escalations);
    }

    @Test
    void periodNamesTheReviewAndTheEscalation() {
        assertEquals("review-12#3", EscalationPolicy.period(12, 3));
    }

    private static OptionalInt at(Duration sinceOpened, int sent) {
        return POLICY.escalation(OPENED, null, sent, OPENED.plus(sinceOpened));
    }
}
