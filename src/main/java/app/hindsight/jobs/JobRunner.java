package app.hindsight.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs jobs on demand, each on a thread of its own, so that whoever asked can stop waiting while the run goes on.
 * Every run is a row in job_run, written when it starts and when it ends, so any replica can say how it went.
 * A run whose node stops mid-run stays RUNNING; the jobs are safe to run again.
 */
@ApplicationScoped
public class JobRunner {

    /** Ended runs are kept this long, then deleted when another run starts. */
    static final Duration KEPT = Duration.ofDays(7);

    /** A run just started, and its end. */
    public record Started(JobRunView run, CompletableFuture<JobRunView> end) {}

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    private ExecutorService threads;

    @PostConstruct
    void init() {
        AtomicInteger n = new AtomicInteger();
        threads = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "job-run-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        threads.shutdown();
    }

    public Started start(Job job, String actor) {
        Instant now = now();
        JobRun run = QuarkusTransaction.requiringNew().call(() -> {
            JobRun.delete("finishedAt < ?1", now.minus(KEPT));
            JobRun r = new JobRun();
            r.job = job.name();
            r.state = RunState.RUNNING;
            r.startedAt = now;
            r.startedBy = actor;
            r.persist();
            return r;
        });
        JobRunView running = view(run);
        return new Started(running, CompletableFuture.supplyAsync(() -> execute(job, running), threads));
    }

    public Optional<JobRunView> find(String job, long id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> JobRun.<JobRun>findByIdOptional(id)
                        .filter(r -> r.job.equals(job))
                        .map(this::view));
    }

    private JobRunView execute(Job job, JobRunView running) {
        long start = System.nanoTime();
        JsonNode result = null;
        String error = null;
        // Jobs run from the scheduler have a request context; give one to this thread too.
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            result = json.valueToTree(job.run());
        } catch (RuntimeException e) {
            Log.errorf(e, "Run %d of job %s failed", running.id(), job.name());
            error = "the run failed; the service log has the cause";
        } finally {
            requestContext.terminate();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        Instant end = now();
        RunState state = error == null ? RunState.SUCCEEDED : RunState.FAILED;
        String stored = result == null ? null : result.toString();
        String failure = error;
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> JobRun.update(
                            "state = ?2, finishedAt = ?3, durationMs = ?4, result = ?5, error = ?6 where id = ?1",
                            running.id(),
                            state,
                            end,
                            ms,
                            stored,
                            failure));
        } catch (RuntimeException e) {
            Log.errorf(e, "Run %d of job %s ended %s but could not be recorded", running.id(), job.name(), state);
        }
        return new JobRunView(
                running.id(), running.job(), state, running.startedAt(), running.startedBy(), end, ms, result, error);
    }

    private JobRunView view(JobRun r) {
        JsonNode result = null;
        if (r.result != null) {
            try {
                result = json.readTree(r.result);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("job_run " + r.id + " holds a result that is not JSON", e);
            }
        }
        return new JobRunView(
                r.id, r.job, r.state, r.startedAt, r.startedBy, r.finishedAt, r.durationMs, result, r.error);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
