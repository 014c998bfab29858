package app.hindsight.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The waits between the attempts of an outbox item, as configured (e.g. hindsight.webhooks.backoff): failed attempt
 * n is followed by another after the n-th wait, and the attempt after the last wait is the last. So n waits allow
 * n + 1 attempts.
 */
public record Backoff(List<Duration> waits) {

    /** No wait is shorter: a wait of zero would make a failed item due again within the same round. */
    static final Duration FLOOR = Duration.ofSeconds(1);

    public Backoff {
        waits = List.copyOf(waits);
    }

    /** When the attempt after failed attempt number {@code attempt} (from 1) is due; empty if that was the last. */
    public Optional<Instant> next(int attempt, Instant failedAt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts are numbered from 1, not " + attempt);
        }
        if (attempt > waits.size()) {
            return Optional.empty();
        }
        Duration wait = waits.get(attempt - 1);
        return Optional.of(failedAt.plus(wait.compareTo(FLOOR) < 0 ? FLOOR : wait));
    }
}
