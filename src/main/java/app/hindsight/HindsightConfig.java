package app.hindsight;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Positive;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings under {@code hindsight.}; src/docs/operations.md lists them (ConfigurationTableTest checks that it does). */
@ConfigMapping(prefix = "hindsight")
public interface HindsightConfig {

    /** The zone in which target dates end: {@code dueAt} is the start of the day after the target date here. */
    @WithDefault("UTC")
    ZoneId zone();

    /** Where the embedded database and generated files live. */
    @WithDefault("./data")
    Path dataDir();

    /**
     * The address people reach this service at, without a trailing slash: notices link to predictions with it
     * (a chat bridge posts the link). Defaults to http://localhost on the HTTP port.
     */
    @WithDefault("http://localhost:${quarkus.http.port:8080}")
    String publicUrl();

    Http http();

    Api api();

    /** How the API reads what a client sends. */
    interface Api {
        /**
         * A query parameter the operation does not take: {@code reject} answers 400 naming it and the accepted ones
         * (a typo such as {@code ?speakr=} would otherwise return the unfiltered list); {@code ignore} lets it pass, for
         * old clients that send extra ones.
         */
        @WithDefault("reject")
        UnknownQueryParameters unknownQueryParameters();

        enum UnknownQueryParameters {
            REJECT,
            IGNORE
        }
    }

    Seed seed();

    Auth auth();

    Scan scan();

    Cache cache();

    Listing list();

    Limits limits();

    /**
     * How much one prediction holds: its lists are paged, but each forecast and observation is also read by the
     * writes and figures that cover them all (the forecasts' aggregate, the trajectory's fit, the chart), so their
     * number is bounded. Past a limit the write is refused (409) and nothing is stored.
     */
    interface Limits {
        /** Most forecasts on one prediction, every forecaster's together. */
        @WithDefault("10000")
        @Positive
        int forecastsPerPrediction();

        /** Most observations of one prediction's metric, retracted ones included (they stay listed). */
        @WithDefault("10000")
        @Positive
        int observationsPerPrediction();
    }

    Calendar calendar();

    /** The window of days the calendar feed covers when a request names none (from and to override it). */
    interface Calendar {
        /** How far back the default window starts: a DUE prediction older than this leaves the default feed. */
        @WithDefault("P90D")
        Period past();

        /** How far ahead the default window ends. */
        @WithDefault("P1Y")
        Period ahead();

        /** The longest window a request may ask for with from and to; longer is a 400. */
        @WithDefault("P5Y")
        Period maxWindow();
    }

    Intake intake();

    /** Transcripts on sources, and the candidates found in them. */
    interface Intake {
        /**
         * The most bytes a transcript upload may have (PUT /sources/{key}/transcript), and the most its text may have
         * once read from HTML or PDF; more is a 413 problem. A two-hour talk is about 150 KB of text.
         */
        @WithDefault("5M")
        MemorySize maxTranscriptSize();
    }

    /** Bounds on the work of one list page (and of each batch of an export or the calendar). */
    interface Listing {
        /**
         * At most this many predictions examined for one page. A filter that can use an index examines about as
         * many as the page holds; a page that needs more is refused (422) rather than slowing everyone down.
         * Exports and the calendar examine this many per transaction and go on.
         */
        @WithDefault("100000")
        int scanBudget();

        /** A page (or an export batch) still running after this long is stopped: 503 with Retry-After. */
        @WithDefault("10s")
        Duration timeout();
    }

    interface Cache {
        /**
         * Answer GET /predictions/{key} from memory. Exact when this process sees every write (the embedded H2
         * database); off on PostgreSQL, where other replicas write too.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * The JSON it holds at most; unset, a fifth of the maximum heap (a prediction is about 1.5 KB: a 1 GiB heap
         * holds about 130k). Past it, the entries least likely to be read again are evicted.
         */
        Optional<MemorySize> maxSize();
    }

    Webhooks webhooks();

    RateLimit rateLimit();

    interface RateLimit {
        /** Limit the API's requests per caller; off in tests that do not test it, and in the benchmark. */
        @WithDefault("true")
        boolean enabled();

        /** Requests a minute per client address, for calls without a token; bursts up to as many. */
        @WithDefault("600")
        long anonymousPerMinute();

        /** Requests a minute per API token; bursts up to as many. */
        @WithDefault("6000")
        long tokenPerMinute();
    }

    interface Scan {
        /** Quartz cron of the due scan (seconds first): every 5 minutes by default. */
        @WithDefault("0 */5 * * * ?")
        String cron();

        /** Lead times before dueAt at which a prediction.upcoming reminder is sent. */
        @WithDefault("P30D,P7D,P1D")
        List<Period> leadTimes();

        /** An open review is escalated (review.overdue) this long after it opened, and again every as long. */
        @WithDefault("P7D")
        Period escalateEvery();

        /** At most this many escalations per review. */
        @WithDefault("4")
        int maxEscalations();

        /** Predictions handled per transaction. */
        @WithDefault("500")
        int batchSize();
    }

    interface Webhooks {
        /** How often pending deliveries are attempted, e.g. 5s; "off" stops delivery. */
        @WithDefault("5s")
        String deliveryEvery();

        /** Waits before each retry of a failed delivery; after the last, the delivery is FAILED. */
        @WithDefault("5s,5m,30m,2h,5h,10h,24h")
        List<Duration> backoff();

        /** A subscription is disabled after this many deliveries in a row ended FAILED. */
        @WithDefault("3")
        int disableAfter();

        /** Connect and response timeout of one delivery attempt. */
        @WithDefault("10s")
        Duration timeout();

        /**
         * Attempts under way at once to one subscription, on each node: a slow receiver fills its own lane and
         * no other.
         */
        @WithDefault("4")
        @Positive
        int concurrencyPerSubscription();

        /** Attempts under way at once on each node, all subscriptions together. */
        @WithDefault("64")
        @Positive
        int concurrency();

        /**
         * A delivery round stops claiming after this long; attempts still under way then are recorded when they
         * end, without holding up the next round.
         */
        @WithDefault("30s")
        Duration roundBudget();

        /**
         * Let receivers on non-public addresses through (loopback, private, link-local, unique-local, carrier-grade
         * NAT and the other special-purpose ranges), for an operator whose receivers live inside their network. The
         * unspecified, multicast and broadcast addresses stay refused. The evidence archive's fetches follow the
         * same rule.
         */
        @WithDefault("false")
        boolean allowPrivate();

        /**
         * Networks (e.g. 10.20.0.0/16, fd00::/8, 127.0.0.1) whose non-public addresses are allowed: narrower than
         * allow-private. A malformed one stops the start.
         */
        Optional<List<String>> allowedNetworks();

        /**
         * Base64 of 32 random bytes: signing secrets are stored encrypted with it (AES-256-GCM). The same on every
         * replica, and kept apart from the database. Without it, secrets are stored as issued.
         */
        Optional<String> secretKey();
    }

    Digest digest();

    /** Email digests: when they go out, how failures are retried, and the bounds on subscribing. */
    interface Digest {
        /** Quartz cron of the digest job (seconds first), in hindsight.zone: 07:00 every day. */
        @WithDefault("0 0 7 * * ?")
        String cron();

        /** How often digests the SMTP server did not take are tried again, e.g. 1m; "off" stops it. */
        @WithDefault("1m")
        String retryEvery();

        /** Waits before each retry of a digest the SMTP server did not take; after the last, it is FAILED. */
        @WithDefault("1m,5m,30m,2h,6h")
        List<Duration> backoff();

        /** Subscriptions one token may have pending or active at once. */
        @WithDefault("10")
        @Positive
        int maxPerToken();

        /** How long a confirmation link works. */
        @WithDefault("48h")
        Duration confirmWithin();

        /** Notices one digest lists at most (the oldest first); the rest go in the next one. */
        @WithDefault("100")
        @Positive
        int maxNotices();
    }

    Verdict verdict();

    /** How a resolution becomes the verdict that counts. */
    interface Verdict {
        /**
         * How long a resolution stays PROVISIONAL before the verdict-finalisation job makes it FINAL; track records,
         * scores and stats count FINAL verdicts only unless asked (includeProvisional=true). PT0S: FINAL at once.
         * The job runs on the due scan's schedule (hindsight.scan.cron).
         */
        @WithDefault("P7D")
        Duration disputeWindow();
    }

    Jobs jobs();

    interface Jobs {
        /**
         * How long POST /jobs/{name}/runs waits for the run to end before answering 202 with the run to poll;
         * a Prefer: wait=N header asks for another wait, up to a minute.
         */
        @WithDefault("10s")
        Duration runWait();
    }

    interface Auth {
        /** Reads of predictions, sources, reviews, calendar and stats need no token. */
        @WithDefault("true")
        boolean anonymousRead();

        /** HINDSIGHT_ADMIN_TOKEN: registered as an admin token on start; without it one is generated. */
        Optional<String> adminToken();
    }

    interface Seed {
        /** Load the seed files on start: those packaged in the jar, then those of {@link #dir()}. */
        @WithDefault("true")
        boolean enabled();

        /** Load the seed files packaged in the jar (the town hall); false leaves only those of {@link #dir()}. */
        @WithDefault("true")
        boolean packaged();

        /**
         * A folder of one's own, added to the seeds packaged in the jar: its *.json (an array) and *.ndjson files,
         * in the import format, are loaded after the packaged ones, in name order.
         */
        Optional<Path> dir();

        /**
         * Whether a file of {@link #dir()} may carry a source packaged in the jar (the town hall): its source entry,
         * its predictions, or a prediction under a key a packaged file holds. Off, such items are skipped with a
         * warning, so a folder's file claiming a newer revision cannot rewrite or withdraw the packaged predictions.
         * Without the packaged seeds ({@link #packaged()} false) the folder's files are the only seeds and may.
         */
        @WithDefault("false")
        boolean dirMayRevisePackaged();
    }

    interface Http {
        /** Largest request body accepted, except by imports. */
        @WithDefault("262144")
        long maxBodySize();

        /** Largest request body an import accepts. */
        @WithDefault("33554432")
        long maxImportBodySize();

        /** Longest request target (path and query) accepted; a longer one is a 414 problem. */
        @WithDefault("4096")
        int maxUriLength();

        /** Most bytes of request headers (names and values) accepted; more is a 431 problem. */
        @WithDefault("16384")
        int maxHeaderSize();
    }
}
