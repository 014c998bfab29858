package app.hindsight.digest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.HindsightConfig;
import app.hindsight.jobs.Job;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The digest job: at hindsight.digest.cron (07:00 every day) in hindsight.zone, a digest for each active subscriber
 * with news (weekly ones on Mondays), then every digest due to be sent. Like the due scan it is a query of what is
 * due, so a missed, doubled or manual run changes nothing: each digest exists once per subscriber and period.
 */
@ApplicationScoped
public class DigestMailing implements Job {

    public static final String NAME = "digest";

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
        return "cron " + config.digest().cron() + " in " + config.zone();
    }

    @Override
    public Digests.Result run() {
        return digests.run();
    }

    @Scheduled(
            identity = NAME,
            cron = "{hindsight.digest.cron}",
            timeZone = "{hindsight.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Digests.Result result = run();
        if (result.composed() + result.sent() + result.retried() + result.failed() > 0) {
            Log.infof(
                    "Digests: %d composed, %d sent, %d to retry, %d failed in %d ms",
                    result.composed(), result.sent(), result.retried(), result.failed(), result.durationMs());
        }
    }
}
