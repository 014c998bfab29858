package app.hindsight.verdict;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.HindsightConfig;
import app.hindsight.PublicAddress;
import app.hindsight.jobs.Batches;
import app.hindsight.jobs.Job;
import app.hindsight.notify.Notice;
import app.hindsight.notify.Notices;
import app.hindsight.prediction.model.Outcome;
import app.hindsight.prediction.store.VerdictWriter;
import app.hindsight.prediction.store.VerdictWriter.Finalised;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Makes PROVISIONAL verdicts FINAL once their dispute window (hindsight.verdict.dispute-window) has passed: a
 * VERDICT_FINAL event and a prediction.verdict-final notice each. Like the due scan it is a query of what is due now,
 * run on the same schedule (hindsight.scan.cron) and on demand (POST /jobs/verdict-finalisation/runs); Quartz's
 * clustered store fires it on one replica, and {@link VerdictWriter}'s conditional update keeps a doubled run from
 * finalising a verdict twice. The notice is unique by prediction and resolution too (its period is resolvedAt).
 */
@ApplicationScoped
public class VerdictFinalisation implements Job {

    public static final String NAME = "verdict-finalisation";

    /** What one run did. */
    public record Result(int finalised) {}

    /** The prediction a prediction.verdict-final notice is about, with its API path and URL. */
    public record PredictionLink(String key, String statement, String speaker, String path, String url) {}

    /** What a prediction.verdict-final notice carries. */
    public record FinalNotice(PredictionLink prediction, Outcome outcome, LocalDate resolvedOn, Instant finalAt) {}

    @Inject
    Clock clock;

    @Inject
    HindsightConfig config;

    @Inject
    PublicAddress publicUrl;

    @Inject
    VerdictWriter verdicts;

    @Inject
    Notices notices;

    @Scheduled(
            identity = NAME,
            cron = "{hindsight.scan.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Result result = run();
        if (result.finalised() > 0) {
            Log.infof("Verdict finalisation: %d verdicts made final", result.finalised());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String schedule() {
        return "cron " + config.scan().cron();
    }

    @Override
    public Result run() {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        int batchSize = config.scan().batchSize();
        int finalised = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> verdicts.dueIds(now, from, batchSize));
            if (ids.isEmpty()) {
                return new Result(finalised);
            }
            finalised += Batches.run(ids, batch -> {
                List<Finalised> done = verdicts.finalise(batch, now);
                for (Finalised f : done) {
                    String path = "/api/v1/predictions/" + f.key();
                    notices.publish(
                            Notice.VERDICT_FINAL,
                            f.key(),
                            "final " + f.resolvedAt(),
                            now,
                            new FinalNotice(
                                    new PredictionLink(
                                            f.key(),
                                            f.statement(),
                                            f.speaker(),
                                            path,
                                            publicUrl.of(path).toString()),
                                    f.outcome(),
                                    f.resolvedOn(),
                                    f.finalAt()));
                }
                return done.size();
            });
            after = ids.get(ids.size() - 1);
        }
    }
}
