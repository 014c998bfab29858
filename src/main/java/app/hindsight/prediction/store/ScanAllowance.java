package app.hindsight.prediction.store;

import java.util.function.LongSupplier;

import jakarta.persistence.TypedQuery;

import org.hibernate.jpa.SpecHints;

/** What one scan may still do: candidates to examine, and time. Plain, so a test can drive its clock. */
final class ScanAllowance {
    private final int budget;
    private final long deadline;
    private final long timeoutNanos;
    private final LongSupplier nanoTime;
    private int examined;

    ScanAllowance(int budget, long timeoutNanos, LongSupplier nanoTime) {
        this.budget = budget;
        this.timeoutNanos = timeoutNanos;
        this.nanoTime = nanoTime;
        this.deadline = nanoTime.getAsLong() + timeoutNanos;
    }

    void spend(int candidates) {
        examined += candidates;
    }

    int rowsLeft() {
        return budget - examined;
    }

    /**
     * The time left, as a query timeout in milliseconds: at least one second, since JDBC counts whole seconds
     * (and 0 would mean none). None left is {@link ScanTimedOut}.
     */
    int queryTimeoutMillis() {
        long left = deadline - nanoTime.getAsLong();
        if (left <= 0) {
            throw new ScanTimedOut(java.time.Duration.ofNanos(timeoutNanos));
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1000, left / 1_000_000));
    }

    /** The query, with the time left as its timeout. */
    <T> TypedQuery<T> bound(TypedQuery<T> query) {
        return query.setHint(SpecHints.HINT_SPEC_QUERY_TIMEOUT, queryTimeoutMillis());
    }
}
