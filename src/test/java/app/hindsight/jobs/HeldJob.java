package app.hindsight.jobs;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A job for tests that runs until the test lets it end, and then reports or fails as told: a run that outlasts
 * the request's wait, without sleeping.
 */
@ApplicationScoped
public class HeldJob implements Job {

    static final String NAME = "test-held";

    private volatile CountDownLatch end = new CountDownLatch(0);
    private volatile boolean fail;

    /** The next runs are held until {@link #release()}; they then fail if {@code fail}. */
    void hold(boolean fail) {
        this.fail = fail;
        end = new CountDownLatch(1);
    }

    void release() {
        end.countDown();
    }

    /** Lets held runs go, and the next ones run straight through. */
    void reset() {
        fail = false;
        end.countDown();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String schedule() {
        return "on demand (tests)";
    }

    @Override
    public Object run() {
        try {
            if (!end.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("held for a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (fail) {
            throw new IllegalStateException("told to fail: secret detail");
        }
        return Map.of("done", true);
    }
}
