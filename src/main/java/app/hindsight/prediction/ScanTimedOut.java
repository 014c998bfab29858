package app.hindsight.prediction;

import java.time.Duration;

/** A list page (or a batch of an export) still running after hindsight.list.timeout: the database is busy. */
public class ScanTimedOut extends RuntimeException {

    public ScanTimedOut(Duration timeout) {
        super(
                "finding this page took longer than " + timeout.toMillis() / 1000.0 + " s; the service is busy",
                null,
                false,
                false);
    }
}
