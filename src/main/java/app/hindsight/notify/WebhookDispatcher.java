package app.hindsight.notify;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.HindsightConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Delivery rounds. Each batch is claimed in one short transaction, sent with no transaction open (a slow
 * receiver holds no locks and no connection), and each result recorded in a transaction of its own.
 * <p>
 * Claiming is an update conditional on the delivery's version: when two replicas run a round at once, one
 * of them wins each delivery and the other moves on, so no attempt number is sent twice. A claim also moves
 * nextAttemptAt past the longest an attempt can take (a lease): if the node dies mid-call, the delivery is
 * retried after the lease with the next attempt number, and the lost attempt leaves a gap in the log.
 */
@ApplicationScoped
public class WebhookDispatcher {

    static final int BATCH = 50;
    /** A bound on one round, so a backlog cannot keep a round (and its Quartz thread) forever. */
    static final int MAX_BATCHES = 100;
    /** A backoff of zero would make a delivery due again within the same round. */
    private static final Duration MIN_BACKOFF = Duration.ofSeconds(1);

    enum Outcome {
        DELIVERED, RETRIED, FAILED, SKIPPED
    }

    /** A delivery this node won the right to attempt, with what sending it needs. */
    record Claim(long deliveryId, long version, int attempt, long webhookId, String url, String secret,
            long noticeId, String payload) {
    }

    /** What came of one HTTP attempt. */
    record Sent(Claim claim, Instant at, Integer statusCode, long durationMs, String error) {
        boolean ok() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @Inject
    Clock clock;

    @Inject
    HindsightConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    WebhookSecrets secrets;

    HttpClient http;

    @PostConstruct
    void init() {
        // Redirects are not followed: a receiver that moved answers 3xx, which is a failed attempt.
        http = HttpClient.newBuilder()
                .connectTimeout(config.webhooks().timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Attempts every PENDING delivery that is due, of enabled subscriptions, in batches. */
    public DeliveryRound deliverDue() {
        Timer.Sample sample = Timer.start(registry);
        int attempted = 0;
        int delivered = 0;
        int retried = 0;
        int failed = 0;
        try {
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                Instant now = now();
                List<Object[]> candidates = new ArrayList<>();
                List<Claim> claims;
                try {
                    claims = QuarkusTransaction.requiringNew().call(() -> claim(now, candidates));
                } catch (RuntimeException e) {
                    // E.g. a lock wait on a row another replica is claiming: what is left waits for the next round.
                    Log.warnf("Webhook delivery round stopped: claiming a batch failed (%s)", e.getClass().getSimpleName());
                    break;
                }
                List<CompletableFuture<Sent>> calls = claims.stream().map(this::send).toList();
                for (CompletableFuture<Sent> call : calls) {
                    Sent sent = call.join();
                    attempted++;
                    switch (record(sent)) {
                        case DELIVERED -> delivered++;
                        case RETRIED -> retried++;
                        case FAILED -> failed++;
                        case SKIPPED -> {
                        }
                    }
                }
                if (candidates.size() < BATCH) {
                    break;
                }
            }
        } finally {
            sample.stop(registry.timer("hindsight.webhook.round"));
        }
        return new DeliveryRound(attempted, delivered, retried, failed);
    }

    /**
     * Picks the due deliveries and claims each with an update that only succeeds if nobody changed it since
     * it was read. Fills {@code candidates} with what was picked, claimed or not.
     */
    List<Claim> claim(Instant now, List<Object[]> candidates) {
        var em = Delivery.getEntityManager();
        candidates.addAll(em.createQuery("select d.id, d.version, d.attempts, w.id, w.url, w.secret, n.id, n.payload "
                + "from Delivery d join d.webhook w join d.notice n "
                + "where d.status = :pending and d.nextAttemptAt <= :now and w.enabled = true "
                + "order by d.nextAttemptAt, d.id", Object[].class)
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("now", now)
                .setMaxResults(BATCH)
                .getResultList());
        Instant lease = now.plus(config.webhooks().timeout().multipliedBy(2)).plusSeconds(60);
        List<Claim> claims = new ArrayList<>();
        for (Object[] row : candidates) {
            long id = (Long) row[0];
            long version = (Long) row[1];
            int won = em.createQuery("update Delivery d set d.attempts = d.attempts + 1, d.nextAttemptAt = :lease, "
                    + "d.version = d.version + 1 where d.id = :id and d.version = :version and d.status = :pending")
                    .setParameter("lease", lease)
                    .setParameter("id", id)
                    .setParameter("version", version)
                    .setParameter("pending", DeliveryStatus.PENDING)
                    .executeUpdate();
            if (won == 1) {
                claims.add(new Claim(id, version + 1, (Integer) row[2] + 1, (Long) row[3], (String) row[4],
                        (String) row[5], (Long) row[6], (String) row[7]));
            }
        }
        return claims;
    }

    /** POSTs the notice's payload, signed, without waiting; the future never fails. */
    CompletableFuture<Sent> send(Claim c) {
        Duration timeout = config.webhooks().timeout();
        Instant at = now();
        String messageId = WebhookSignature.messageId(c.noticeId());
        long timestamp = at.getEpochSecond();
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(c.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Hindsight-Webhooks/1.0")
                    .header("webhook-id", messageId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(secrets.open(c.secret()), messageId, timestamp,
                            c.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(c.payload(), StandardCharsets.UTF_8))
                    .build();
            // The request timeout covers waiting for the response headers; this bounds the whole attempt.
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .orTimeout(timeout.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)
                    .handle((response, error) -> new Sent(c, at, response == null ? null : response.statusCode(),
                            millisSince(start), error == null ? null : describe(error, timeout)));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Sent(c, at, null, millisSince(start), describe(e, timeout)));
        }
    }

    /** Logs the attempt and moves the delivery on: DELIVERED, a retry after the backoff, or FAILED. */
    Outcome record(Sent sent) {
        Outcome outcome;
        try {
            outcome = QuarkusTransaction.requiringNew().call(() -> apply(sent));
        } catch (RuntimeException e) {
            // E.g. a race lost to another node that claimed the delivery after our lease ran out: it has it now.
            Log.warnf("Webhook delivery %d: attempt %d could not be recorded (%s)", sent.claim().deliveryId(),
                    sent.claim().attempt(), e.getClass().getSimpleName());
            return Outcome.SKIPPED;
        }
        if (outcome != Outcome.SKIPPED) {
            registry.counter("hindsight.webhook.deliveries", "outcome", outcome.name().toLowerCase()).increment();
        }
        return outcome;
    }

    private Outcome apply(Sent sent) {
        Claim c = sent.claim();
        Delivery d = Delivery.findById(c.deliveryId());
        if (d == null) {
            return Outcome.SKIPPED; // the subscription was deleted during the call
        }
        WebhookAttempt a = new WebhookAttempt();
        a.delivery = d;
        a.attempt = c.attempt();
        a.at = sent.at();
        a.statusCode = sent.statusCode();
        a.durationMs = sent.durationMs();
        a.error = sent.error();
        a.persist();
        if (d.version != c.version() || d.status != DeliveryStatus.PENDING) {
            Log.warnf("Webhook delivery %d was claimed again while attempt %d was under way; leaving it to that claim",
                    d.id, c.attempt());
            return Outcome.SKIPPED;
        }
        Instant now = now();
        if (sent.ok()) {
            d.status = DeliveryStatus.DELIVERED;
            d.deliveredAt = now;
            d.nextAttemptAt = null;
            Webhook.update("consecutiveFailures = 0, version = version + 1 where id = ?1 and consecutiveFailures <> 0",
                    c.webhookId());
            return Outcome.DELIVERED;
        }
        List<Duration> backoff = config.webhooks().backoff();
        if (c.attempt() <= backoff.size()) {
            Duration wait = backoff.get(c.attempt() - 1);
            d.nextAttemptAt = now.plus(wait.compareTo(MIN_BACKOFF) < 0 ? MIN_BACKOFF : wait);
            Log.debugf("Webhook delivery %d attempt %d failed (%s); next at %s", d.id, c.attempt(), what(sent),
                    d.nextAttemptAt);
            return Outcome.RETRIED;
        }
        d.status = DeliveryStatus.FAILED;
        d.nextAttemptAt = null;
        Log.warnf("Webhook delivery %d to webhook %d FAILED after %d attempts (last: %s)", d.id, c.webhookId(),
                c.attempt(), what(sent));
        countFailure(c.webhookId(), now, what(sent));
        return Outcome.FAILED;
    }

    /** One more FAILED delivery in a row; at hindsight.webhooks.disable-after the subscription is disabled. */
    private void countFailure(long webhookId, Instant now, String last) {
        Webhook.update("consecutiveFailures = consecutiveFailures + 1, version = version + 1 where id = ?1", webhookId);
        int limit = config.webhooks().disableAfter();
        String reason = truncate(limit + " deliveries in a row failed; the last attempt: " + last, 300);
        int disabled = Webhook.update("enabled = false, disabledAt = ?2, disabledReason = ?3, version = version + 1 "
                + "where id = ?1 and enabled = true and consecutiveFailures >= ?4", webhookId, now, reason, limit);
        if (disabled > 0) {
            Log.warnf("Webhook %d disabled: %s", webhookId, reason);
        }
    }

    private static String what(Sent sent) {
        return sent.statusCode() != null ? "HTTP " + sent.statusCode() : sent.error();
    }

    /** A person-readable reason for a failed call, without stack traces; fits the attempt's error column. */
    static String describe(Throwable error, Duration timeout) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String text;
        if (t instanceof HttpConnectTimeoutException) {
            text = "could not connect within " + timeout.toMillis() + " ms";
        } else if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
            text = "no response within " + timeout.toMillis() + " ms";
        } else if (t instanceof ConnectException) {
            text = "could not connect" + detail(t, ": connection refused");
        } else if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException
                || t.getCause() instanceof UnresolvedAddressException) {
            text = "unknown host" + detail(t, "");
        } else if (t instanceof SecretBox.Unavailable) {
            text = "not sent: " + t.getMessage();
        } else if (t instanceof IOException) {
            text = "I/O error" + detail(t, "");
        } else {
            text = "request failed" + detail(t, "");
        }
        return truncate(text, WebhookAttempt.MAX_ERROR);
    }

    /** ": " and the first message along the cause chain, or the fallback. */
    private static String detail(Throwable t, String fallback) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                return ": " + c.getMessage();
            }
        }
        return fallback;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
