package app.hindsight.jobs;

/**
 * A scheduled job that can also be run on demand (POST /api/v1/jobs/{name}/runs). Implementations are
 * CDI beans; their Quartz trigger uses {@link #name()} as its identity.
 */
public interface Job {

    /** Stable name, e.g. due-scan; the Quartz identity and the URL segment. */
    String name();

    /** The schedule as configured, e.g. a cron expression or "every 5s". */
    String schedule();

    /** Runs once, synchronously, and says what it did (a small JSON-able record). */
    Object run();
}
