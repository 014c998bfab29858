package app.hindsight.digest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.HindsightConfig;
import app.hindsight.jobs.Job;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the digests whose time to retry has come (hindsight.digest.retry-every, every minute), so that an SMTP outage
 * at 07:00 delays the morning's digests by its length and the backoff, not by a day.
 */
@ApplicationScoped
public class DigestRetry implements Job {

    public static final String NAME = "digest-retry";

    @Inject
    Digests digests;

    @Inject
    HindsightConfig config;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String schedule() {
        return "every " + config.digest().retryEvery();
    }

    @Override
    public Digests.Result run() {
        return digests.retry();
    }

    @Scheduled(
            identity = NAME,
            every = "{hindsight.digest.retry-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Digests.Result result = run();
        if (result.sent() + result.retried() + result.failed() > 0) {
            Log.infof(
                    "Digest retries: %d sent, %d to retry again, %d failed",
                    result.sent(), result.retried(), result.failed());
        }
    }
}
