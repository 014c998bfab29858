package app.hindsight.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.hindsight.outbox.Outbox.Claim;
import app.hindsight.outbox.Outbox.Decision;
import app.hindsight.outbox.Outbox.Due;
import app.hindsight.outbox.Outbox.Outcome;

/**
 * The rules of claiming and recording, without a database: what a won claim is, and what recording does to a row
 * as the recording transaction finds it. The conditional updates themselves are exercised against H2 and PostgreSQL
 * by the webhook and digest tests.
 */
class ClaimRulesTest {

    private static final Instant NOW = Instant.parse("2031-03-01T09:00:00Z");
    private static final Backoff BACKOFF = new Backoff(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5)));

    @Test
    void aWonClaimIsTheNextAttemptAtTheVersionItsUpdateWrote() {
        Claim<String> claim = new Due<>(7, 3, 2, "payload").claimed();
        assertEquals(new Claim<>(7, 4, 3, "payload"), claim);
    }

    @Test
    void aSuccessfulAttemptIsDoneAndNothingMoreIsDue() {
        Decision d = Outbox.decide(claim(1), 4, true, true, BACKOFF, NOW);
        assertEquals(new Decision(Outcome.DONE, null), d);
    }

    @Test
    void aFailedAttemptIsRetriedAfterItsWaitUntilTheWaitsRunOut() {
        assertEquals(
                new Decision(Outcome.RETRIED, NOW.plus(Duration.ofMinutes(1))),
                Outbox.decide(claim(1), 4, true, false, BACKOFF, NOW));
        assertEquals(
                new Decision(Outcome.RETRIED, NOW.plus(Duration.ofMinutes(5))),
                Outbox.decide(claim(2), 4, true, false, BACKOFF, NOW));
        Decision last = Outbox.decide(claim(3), 4, true, false, BACKOFF, NOW);
        assertEquals(Outcome.FAILED, last.outcome());
        assertNull(last.nextAttemptAt());
    }

    @Test
    void aRowClaimedAgainSinceIsLeftToThatClaimWhateverTheAttemptDid() {
        // The lease ran out and another node claimed the row: its version moved on.
        for (boolean ok : List.of(true, false)) {
            assertEquals(
                    Outcome.SKIPPED,
                    Outbox.decide(claim(1), 5, true, ok, BACKOFF, NOW).outcome());
        }
        assertEquals(
                Outcome.SKIPPED,
                Outbox.decide(claim(3), 5, true, false, BACKOFF, NOW).outcome());
    }

    @Test
    void aRowThatNoLongerWaitsIsLeftAsItIs() {
        // E.g. a digest cancelled by its subscriber leaving while it was being sent.
        assertEquals(
                Outcome.SKIPPED,
                Outbox.decide(claim(1), 4, false, true, BACKOFF, NOW).outcome());
        assertEquals(
                Outcome.SKIPPED,
                Outbox.decide(claim(1), 4, false, false, BACKOFF, NOW).outcome());
    }

    /** Attempt {@code attempt} of row 7, claimed at version 4. */
    private static Claim<String> claim(int attempt) {
        return new Claim<>(7, 4, attempt, "payload");
    }
}
