package app.hindsight.prediction.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The bounds of one scan, driven by a clock the test moves (elapsed time only: no wall clock involved). */
class ScanAllowanceTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private ScanAllowance allowance(int budget, Duration timeout) {
        return new ScanAllowance(budget, timeout.toNanos(), nanos::get);
    }

    @Test
    void eachQueryGetsTheTimeLeftButAtLeastTheOneSecondJdbcCanExpress() {
        ScanAllowance a = allowance(100, Duration.ofSeconds(10));
        assertEquals(10_000, a.queryTimeoutMillis());
        nanos.addAndGet(Duration.ofMillis(7_500).toNanos());
        assertEquals(2_500, a.queryTimeoutMillis());
        nanos.addAndGet(Duration.ofMillis(2_400).toNanos());
        assertEquals(1_000, a.queryTimeoutMillis());
    }

    @Test
    void noTimeLeftIsScanTimedOutNamingTheTimeout() {
        ScanAllowance a = allowance(100, Duration.ofSeconds(10));
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        ScanTimedOut e = assertThrows(ScanTimedOut.class, a::queryTimeoutMillis);
        assertEquals(
                "finding this page took longer than 10.0 s; the service is busy; retry shortly, or narrow the filters",
                e.getMessage());
    }

    @Test
    void candidatesSpentComeOffTheBudget() {
        ScanAllowance a = allowance(100, Duration.ofSeconds(10));
        a.spend(64);
        assertEquals(36, a.rowsLeft());
        a.spend(36);
        assertEquals(0, a.rowsLeft());
    }
}
