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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.HindsightConfig;
import app.hindsight.net.OutboundTargets;
import app.hindsight.net.TargetAddresses;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Delivery rounds, one lane per subscription. A round claims, for each subscription with room in its lane, its
 * due deliveries in one short transaction, sends them with no transaction open (a slow receiver holds no locks
 * and no connection), and records each result in a transaction of its own; as each attempt ends, its lane
 * takes the next. A lane holds at most hindsight.webhooks.concurrency-per-subscription attempts and the node at
 * most hindsight.webhooks.concurrency, so a slow or dead receiver fills its own lane and the others keep going.
 * <p>
 * Claiming is an update conditional on the delivery's version: when two replicas run a round at once, one
 * of them wins each delivery and the other moves on, so no attempt number is sent twice. A claim also moves
 * nextAttemptAt past the longest an attempt can take (a lease): if the node dies mid-call, the delivery is
 * retried after the lease with the next attempt number, and the lost attempt leaves a gap in the log.
 * <p>
 * A round ends when nothing it may claim is due and its attempts are recorded, or when its budget is spent:
 * attempts still under way then are recorded when they end, and keep their place in their lanes, which are
 * the node's and not the round's, so the next round does not overfill a slow receiver's lane.
 */
@ApplicationScoped
public class WebhookDispatcher {

    /** While a round waits on slow receivers, lanes found empty are looked at again this often. */
    static final Duration RECHECK = Duration.ofSeconds(1);
    /** The attempt's error when the receiver's host resolves to an address the outbound rule refuses. */
    static final String NOT_PUBLIC =
            "not sent: the receiver's address is not public, and " + OutboundTargets.SETTINGS + " does not allow it";
    /** A backoff of zero would make a delivery due again within the same round. */
    private static final Duration MIN_BACKOFF = Duration.ofSeconds(1);

    enum Outcome {
        DELIVERED,
        RETRIED,
        FAILED,
        SKIPPED
    }

    /** An enabled subscription, as sending to it needs it. */
    record Lane(long webhookId, String url, String secret) {}

    /** A delivery this node won the right to attempt, with what sending it needs. */
    record Claim(
            long deliveryId,
            long version,
            int attempt,
            long webhookId,
            String url,
            String secret,
            long noticeId,
            String payload) {}

    /** What came of one HTTP attempt. */
    record Sent(Claim claim, Instant at, Integer statusCode, long durationMs, String error) {
        boolean ok() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /** One round's attempts: started and not yet counted, and the outcomes as they are recorded. */
    private static final class Round {
        final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
        int underWay;
        int attempted;
        int delivered;
        int retried;
        int failed;

        void count(Outcome outcome) {
            underWay--;
            attempted++;
            switch (outcome) {
                case DELIVERED -> delivered++;
                case RETRIED -> retried++;
                case FAILED -> failed++;
                case SKIPPED -> {}
            }
        }

        void countRecorded() {
            for (Outcome o = outcomes.poll(); o != null; o = outcomes.poll()) {
                count(o);
            }
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

    @Inject
    OutboundTargets targets;

    HttpClient http;

    /** Records results off the HTTP client's threads; a few suffice, each result is one short transaction. */
    private ExecutorService recorder;

    /** Looks receivers' hosts up before each attempt; at most one thread per attempt under way. */
    private ExecutorService lookups;

    /** Attempts under way on this node, per subscription and in all; guarded by {@code lanes}. */
    private final Map<Long, Integer> lanes = new HashMap<>();

    private int underWay;
    /** Which lane is offered room first, so that the node-wide limit favours no subscription. */
    private final AtomicInteger firstLane = new AtomicInteger();

    @PostConstruct
    void init() {
        // Redirects are not followed: a receiver that moved answers 3xx, which is a failed attempt; nor could a
        // redirect then lead to an address the outbound rule refuses.
        http = HttpClient.newBuilder()
                .connectTimeout(config.webhooks().timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        AtomicInteger n = new AtomicInteger();
        recorder = Executors.newFixedThreadPool(2, task -> {
            Thread t = new Thread(task, "webhook-recorder-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicInteger m = new AtomicInteger();
        lookups = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "webhook-lookup-" + m.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        recorder.shutdown();
        lookups.shutdown();
    }

    /** Attempts every PENDING delivery that is due, of enabled subscriptions, within the round budget. */
    public DeliveryRound deliverDue() {
        return deliverDue(config.webhooks().roundBudget());
    }

    DeliveryRound deliverDue(Duration budget) {
        Timer.Sample sample = Timer.start(registry);
        Round round = new Round();
        long deadline = System.nanoTime() + budget.toNanos();
        long recheck = System.nanoTime() + RECHECK.toNanos();
        Set<Long> drained = new HashSet<>();
        boolean claiming = true;
        try {
            while (true) {
                int started = 0;
                if (claiming) {
                    try {
                        started = startAttempts(round, drained);
                    } catch (RuntimeException e) {
                        // E.g. a lock wait on a row another replica is claiming: what is left waits for the next round.
                        Log.warnf(
                                "Webhook delivery round stopped claiming: claiming failed (%s)",
                                e.getClass().getSimpleName());
                        claiming = false;
                    }
                }
                if (round.underWay == 0 && started == 0) {
                    break;
                }
                long now = System.nanoTime();
                if (now - deadline >= 0) {
                    break;
                }
                Outcome outcome =
                        round.outcomes.poll(Math.max(0, Math.min(deadline - now, recheck - now)), TimeUnit.NANOSECONDS);
                if (outcome != null) {
                    round.count(outcome);
                    round.countRecorded();
                }
                if (System.nanoTime() - recheck >= 0) {
                    // New notices and retries come due while other lanes are busy: look at every lane again.
                    drained.clear();
                    recheck = System.nanoTime() + RECHECK.toNanos();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            round.countRecorded();
            sample.stop(registry.timer("hindsight.webhook.round"));
        }
        return new DeliveryRound(round.attempted, round.delivered, round.retried, round.failed, round.underWay);
    }

    /**
     * Claims due deliveries for every lane with room that is not known to be drained, and starts sending them.
     * A lane that had fewer due than it had room for is drained for now.
     */
    private int startAttempts(Round round, Set<Long> drained) {
        Instant now = now();
        Map<Long, Integer> reserved = new HashMap<>();
        List<Claim> claims;
        try {
            claims = QuarkusTransaction.requiringNew().call(() -> claimLanes(now, drained, reserved));
        } catch (RuntimeException e) {
            reserved.forEach(this::release);
            throw e;
        }
        Map<Long, Integer> claimed = new HashMap<>();
        claims.forEach(c -> claimed.merge(c.webhookId(), 1, Integer::sum));
        reserved.forEach((webhookId, room) -> {
            int unused = room - claimed.getOrDefault(webhookId, 0);
            if (unused > 0) {
                release(webhookId, unused);
                drained.add(webhookId);
            }
        });
        for (Claim c : claims) {
            round.underWay++;
            send(c).thenAccept(sent -> recordLater(round, sent));
        }
        return claims.size();
    }

    private List<Claim> claimLanes(Instant now, Set<Long> drained, Map<Long, Integer> reserved) {
        List<Lane> enabled = lanes();
        List<Claim> claims = new ArrayList<>();
        int first = enabled.isEmpty() ? 0 : Math.floorMod(firstLane.getAndIncrement(), enabled.size());
        for (int i = 0; i < enabled.size(); i++) {
            Lane lane = enabled.get((first + i) % enabled.size());
            if (drained.contains(lane.webhookId())) {
                continue;
            }
            int room = reserve(lane.webhookId());
            if (room > 0) {
                reserved.put(lane.webhookId(), room);
                claims.addAll(claim(now, lane, room));
            }
        }
        return claims;
    }

    /** The enabled subscriptions. */
    List<Lane> lanes() {
        return Webhook.getEntityManager()
                .createQuery(
                        "select w.id, w.url, w.secret from Webhook w where w.enabled = true order by w.id",
                        Object[].class)
                .getResultStream()
                .map(r -> new Lane((Long) r[0], (String) r[1], (String) r[2]))
                .toList();
    }

    /** Takes every free place in this subscription's lane that the node has room for; returns how many. */
    private int reserve(long webhookId) {
        synchronized (lanes) {
            int inLane = lanes.getOrDefault(webhookId, 0);
            int room = Math.min(
                    config.webhooks().concurrencyPerSubscription() - inLane,
                    config.webhooks().concurrency() - underWay);
            if (room <= 0) {
                return 0;
            }
            lanes.put(webhookId, inLane + room);
            underWay += room;
            return room;
        }
    }

    private void release(long webhookId, int places) {
        synchronized (lanes) {
            int left = lanes.getOrDefault(webhookId, 0) - places;
            if (left > 0) {
                lanes.put(webhookId, left);
            } else {
                lanes.remove(webhookId);
            }
            underWay -= places;
        }
    }

    /** Records the attempt on the recorder's threads, then frees its place in the lane and tells its round. */
    private void recordLater(Round round, Sent sent) {
        Runnable task = () -> {
            Outcome outcome = Outcome.SKIPPED;
            try {
                outcome = record(sent);
            } finally {
                release(sent.claim().webhookId(), 1);
                round.outcomes.add(outcome);
            }
        };
        try {
            recorder.execute(task);
        } catch (RejectedExecutionException e) {
            task.run(); // shutting down: record it here
        }
    }

    /**
     * Picks up to {@code max} of the lane's due deliveries, oldest due first, and claims each with an update that
     * only succeeds if nobody changed it since it was read. The order names every column of ix_delivery_lane
     * (the first two are fixed by the filter): H2 then reads the index in order and stops at {@code max}, where
     * ordering by nextAttemptAt alone made it read and sort the whole backlog of the lane on every claim. The lane
     * was read as enabled in this transaction; joining the subscription here would lose the index order.
     */
    List<Claim> claim(Instant now, Lane lane, int max) {
        var em = Delivery.getEntityManager();
        List<Object[]> due = em.createQuery(
                        "select d.id, d.version, d.attempts, n.id, n.payload "
                                + "from Delivery d join d.notice n "
                                + "where d.webhook.id = :webhook and d.status = :pending and d.nextAttemptAt <= :now "
                                + "order by d.webhook.id, d.status, d.nextAttemptAt, d.id",
                        Object[].class)
                .setParameter("webhook", lane.webhookId())
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
        Instant lease = now.plus(config.webhooks().timeout().multipliedBy(2)).plusSeconds(60);
        List<Claim> claims = new ArrayList<>();
        for (Object[] row : due) {
            long id = (Long) row[0];
            long version = (Long) row[1];
            int won = em.createQuery(
                            "update Delivery d set d.attempts = d.attempts + 1, d.nextAttemptAt = :lease, "
                                    + "d.version = d.version + 1 where d.id = :id and d.version = :version and d.status = :pending")
                    .setParameter("lease", lease)
                    .setParameter("id", id)
                    .setParameter("version", version)
                    .setParameter("pending", DeliveryStatus.PENDING)
                    .executeUpdate();
            if (won == 1) {
                claims.add(new Claim(
                        id,
                        version + 1,
                        (Integer) row[2] + 1,
                        lane.webhookId(),
                        lane.url(),
                        lane.secret(),
                        (Long) row[3],
                        (String) row[4]));
            }
        }
        return claims;
    }

    /**
     * Looks the receiver's host up again, off the round's thread (a slow resolver holds up no other lane), and POSTs
     * the notice's payload, signed, if the host still resolves to addresses it may reach; the future never fails.
     */
    CompletableFuture<Sent> send(Claim c) {
        Instant at = now();
        long start = System.nanoTime();
        CompletableFuture<String> checked;
        try {
            checked = CompletableFuture.supplyAsync(() -> notSent(c), lookups);
        } catch (RejectedExecutionException e) {
            checked = CompletableFuture.supplyAsync(() -> notSent(c), Runnable::run); // shutting down: check it here
        }
        return checked.handle((refusal, error) -> {
                    if (error != null || refusal != null) {
                        String why = error != null
                                ? describe(error, config.webhooks().timeout())
                                : refusal;
                        return CompletableFuture.completedFuture(new Sent(c, at, null, millisSince(start), why));
                    }
                    return post(c, at, start);
                })
                .thenCompose(sent -> sent);
    }

    /**
     * Why the attempt is not made, or null. The reason stored in the log names no address and no status, so the
     * log tells an admin nothing of what lives inside the network; the service's own log says more, at debug.
     */
    private String notSent(Claim c) {
        URI url = URI.create(c.url());
        TargetAddresses.Verdict verdict = targets.check(url);
        if (verdict.unresolved()) {
            return "unknown host: " + url.getHost();
        }
        if (!verdict.allowed()) {
            Log.debugf("Webhook delivery %d attempt %d not sent: %s", c.deliveryId(), c.attempt(), verdict.refusal());
            return NOT_PUBLIC;
        }
        return null;
    }

    /** POSTs the notice's payload, signed, without waiting; the future never fails. */
    private CompletableFuture<Sent> post(Claim c, Instant at, long start) {
        Duration timeout = config.webhooks().timeout();
        String messageId = WebhookSignature.messageId(c.noticeId());
        long timestamp = at.getEpochSecond();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(c.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Hindsight-Webhooks/1.0")
                    .header("webhook-id", messageId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header(
                            "webhook-signature",
                            WebhookSignature.sign(secrets.open(c.secret()), messageId, timestamp, c.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(c.payload(), StandardCharsets.UTF_8))
                    .build();
            // The request timeout covers waiting for the response headers; this bounds the whole attempt.
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .orTimeout(timeout.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)
                    .handle((response, error) -> new Sent(
                            c,
                            at,
                            response == null ? null : response.statusCode(),
                            millisSince(start),
                            error == null ? null : describe(error, timeout)));
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
            Log.warnf(
                    "Webhook delivery %d: attempt %d could not be recorded (%s)",
                    sent.claim().deliveryId(),
                    sent.claim().attempt(),
                    e.getClass().getSimpleName());
            return Outcome.SKIPPED;
        }
        if (outcome != Outcome.SKIPPED) {
            registry.counter(
                            "hindsight.webhook.deliveries",
                            "outcome",
                            outcome.name().toLowerCase())
                    .increment();
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
            Log.warnf(
                    "Webhook delivery %d was claimed again while attempt %d was under way; leaving it to that claim",
                    d.id, c.attempt());
            return Outcome.SKIPPED;
        }
        Instant now = now();
        if (sent.ok()) {
            d.status = DeliveryStatus.DELIVERED;
            d.deliveredAt = now;
            d.nextAttemptAt = null;
            Webhook.update(
                    "consecutiveFailures = 0, version = version + 1 where id = ?1 and consecutiveFailures <> 0",
                    c.webhookId());
            return Outcome.DELIVERED;
        }
        List<Duration> backoff = config.webhooks().backoff();
        if (c.attempt() <= backoff.size()) {
            Duration wait = backoff.get(c.attempt() - 1);
            d.nextAttemptAt = now.plus(wait.compareTo(MIN_BACKOFF) < 0 ? MIN_BACKOFF : wait);
            Log.debugf(
                    "Webhook delivery %d attempt %d failed (%s); next at %s",
                    d.id, c.attempt(), what(sent), d.nextAttemptAt);
            return Outcome.RETRIED;
        }
        d.status = DeliveryStatus.FAILED;
        d.nextAttemptAt = null;
        Log.warnf(
                "Webhook delivery %d to webhook %d FAILED after %d attempts (last: %s)",
                d.id, c.webhookId(), c.attempt(), what(sent));
        countFailure(c.webhookId(), now, what(sent));
        return Outcome.FAILED;
    }

    /** One more FAILED delivery in a row; at hindsight.webhooks.disable-after the subscription is disabled. */
    private void countFailure(long webhookId, Instant now, String last) {
        Webhook.update("consecutiveFailures = consecutiveFailures + 1, version = version + 1 where id = ?1", webhookId);
        int limit = config.webhooks().disableAfter();
        String reason = truncate(limit + " deliveries in a row failed; the last attempt: " + last, 300);
        int disabled = Webhook.update(
                "enabled = false, disabledAt = ?2, disabledReason = ?3, version = version + 1 "
                        + "where id = ?1 and enabled = true and consecutiveFailures >= ?4",
                webhookId,
                now,
                reason,
                limit);
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
        } else if (t instanceof UnknownHostException
                || t instanceof UnresolvedAddressException
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
