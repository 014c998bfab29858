package app.hindsight.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The schedule of retries: the n-th wait after failed attempt n, none after the last; plain JUnit. */
class BackoffTest {

    private static final Instant T = Instant.parse("2031-03-01T09:00:00Z");

    @Test
    void eachFailedAttemptWaitsItsOwnStepAndTheAttemptAfterTheLastStepIsTheLast() {
        Backoff backoff = new Backoff(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofHours(2)));
        assertEquals(Optional.of(T.plusSeconds(5)), backoff.next(1, T));
        assertEquals(Optional.of(T.plus(Duration.ofMinutes(5))), backoff.next(2, T));
        assertEquals(Optional.of(T.plus(Duration.ofHours(2))), backoff.next(3, T));
        assertEquals(Optional.empty(), backoff.next(4, T), "three waits, four attempts");
        assertEquals(Optional.empty(), backoff.next(9, T));
    }

    @Test
    void theWaitCountsFromTheFailureNotFromTheFirstAttempt() {
        Backoff backoff = new Backoff(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5)));
        Instant failedAt = T.plus(Duration.ofMinutes(17));
        assertEquals(Optional.of(failedAt.plus(Duration.ofMinutes(5))), backoff.next(2, failedAt));
    }

    @Test
    void noWaitIsShorterThanASecondSoAFailedItemIsNotDueAgainInTheSameRound() {
        Backoff backoff = new Backoff(List.of(Duration.ZERO, Duration.ofMillis(300), Duration.ofSeconds(1)));
        assertEquals(Optional.of(T.plusSeconds(1)), backoff.next(1, T));
        assertEquals(Optional.of(T.plusSeconds(1)), backoff.next(2, T));
        assertEquals(Optional.of(T.plusSeconds(1)), backoff.next(3, T));
    }

    @Test
    void noWaitsMeanOneAttempt() {
        assertEquals(Optional.empty(), new Backoff(List.of()).next(1, T));
    }

    @Test
    void attemptsAreNumberedFromOne() {
        Backoff backoff = new Backoff(List.of(Duration.ofSeconds(5)));
        assertThrows(IllegalArgumentException.class, () -> backoff.next(0, T));
    }

    @Test
    void theScheduleIsCopiedNotShared() {
        List<Duration> waits = new ArrayList<>(List.of(Duration.ofSeconds(5)));
        Backoff backoff = new Backoff(waits);
        waits.clear();
        assertEquals(Optional.of(T.plusSeconds(5)), backoff.next(1, T));
    }
}
