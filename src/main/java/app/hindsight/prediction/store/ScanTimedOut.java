package app.hindsight.prediction.store;

import java.time.Duration;

import app.hindsight.shared.DomainException;

/**
 * A list page (or a batch of an export) still running after hindsight.list.timeout: the database is busy. Nothing is
 * wrong with the request, so it is a busy service (503) that says when to retry.
 */
public class ScanTimedOut extends DomainException {

    /** As long as the web layer asks a client to wait after a statement the database cancelled. */
    static final int RETRY_AFTER_SECONDS = 5;

    public ScanTimedOut(Duration timeout) {
        super(
                503,
                "overloaded",
                "Service busy",
                "finding this page took longer than " + timeout.toMillis() / 1000.0
                        + " s; the service is busy; retry shortly, or narrow the filters");
    }

    @Override
    public int retryAfterSeconds() {
        return RETRY_AFTER_SECONDS;
    }
}
