package app.hindsight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.quarkus.test.junit.QuarkusMock;

/**
 * A clock tests set and move. {@link #install(Instant)} replaces the application's Clock for the current
 * test (QuarkusMock resets it after each test).
 */
public class TestClock extends Clock {

    private volatile Instant now;

    private TestClock(Instant now) {
        this.now = now;
    }

    public static TestClock install(Instant start) {
        TestClock clock = new TestClock(start);
        QuarkusMock.installMockForType(clock, Clock.class);
        return clock;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
