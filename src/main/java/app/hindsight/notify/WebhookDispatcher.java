package app.hindsight.notify;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.HindsightConfig;
import app.hindsight.outbox.Outbox;
import app.hindsight.outbox.Outbox.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Delivery rounds, one lane per subscription ({@link Lanes}). A round claims, for each subscription with room in
 * its lane, its due deliveries in one short transaction, sends them with no transaction open (a slow receiver holds
 * no locks and no connection), and records each result in a transaction of its own; as each attempt ends, its lane
 * takes the next. A lane holds at most hindsight.webhooks.concurrency-per-subscription attempts and the node at
 * most hindsight.webhooks.concurrency, so a slow or dead receiver fills its own lane and the others keep going.
 * <p>
 * Claiming and recording are the {@link Outbox}'s: a claim is an update conditional on the delivery's version, so
 * when two replicas run a round at once, one of them wins each delivery and the other moves on, and no attempt
 * number is sent twice; it also moves nextAttemptAt past the longest an attempt can take (a lease), so if the node
 * dies mid-call, the delivery is retried after the lease with the next attempt number, and the lost attempt leaves
 * a gap in the log. What a delivery's outcome writes is {@link DeliveryChannel}'s; the HTTP call is
 * {@link WebhookSender}'s.
 * <p>
 * A round ends when nothing it may claim is due and its attempts are recorded, or when its budget is spent:
 * attempts still under way then are recorded when they end, and keep their place in their lanes.
 */
@ApplicationScoped
public class WebhookDispatcher {

    /** While a round waits on slow receivers, lanes found empty are looked at again this often. */
    static final Duration RECHECK = Duration.ofSeconds(1);

    /** An enabled subscription, as sending to it needs it. */
    record Lane(long webhookId, String url, String secret) {}

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
                case DONE -> delivered++;
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
    Outbox outbox;

    @Inject
    DeliveryChannel channel;

    @Inject
    WebhookSender sender;

    /** Records results off the HTTP client's threads; a few suffice, each result is one short transaction. */
    private ExecutorService recorder;

    private Lanes lanes;

    @PostConstruct
    void init() {
        AtomicInteger n = new AtomicInteger();
        recorder = Executors.newFixedThreadPool(2, task -> {
            Thread t = new Thread(task, "webhook-recorder-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        lanes = new Lanes(
                config.webhooks().concurrencyPerSubscription(),
                config.webhooks().concurrency());
    }

    @PreDestroy
    void stop() {
        recorder.shutdown();
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
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Map<Long, Integer> reserved = new HashMap<>();
        List<Outbox.Claim<WebhookSender.Post>> claims;
        try {
            claims = QuarkusTransaction.requiringNew().call(() -> claimLanes(now, drained, reserved));
        } catch (RuntimeException e) {
            reserved.forEach(lanes::release);
            throw e;
        }
        Map<Long, Integer> claimed = new HashMap<>();
        claims.forEach(c -> claimed.merge(c.item().webhookId(), 1, Integer::sum));
        reserved.forEach((webhookId, room) -> {
            int unused = room - claimed.getOrDefault(webhookId, 0);
            if (unused > 0) {
                lanes.release(webhookId, unused);
                drained.add(webhookId);
            }
        });
        for (Outbox.Claim<WebhookSender.Post> c : claims) {
            round.underWay++;
            sender.send(c).thenAccept(sent -> recordLater(round, sent));
        }
        return claims.size();
    }

    private List<Outbox.Claim<WebhookSender.Post>> claimLanes(
            Instant now, Set<Long> drained, Map<Long, Integer> reserved) {
        List<Lane> enabled = lanes();
        List<Outbox.Claim<WebhookSender.Post>> claims = new ArrayList<>();
        int first = lanes.firstOf(enabled.size());
        for (int i = 0; i < enabled.size(); i++) {
            Lane lane = enabled.get((first + i) % enabled.size());
            if (drained.contains(lane.webhookId())) {
                continue;
            }
            int room = lanes.reserve(lane.webhookId());
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

    /** In the caller's transaction: claims up to {@code max} of the lane's due deliveries. */
    List<Outbox.Claim<WebhookSender.Post>> claim(Instant now, Lane lane, int max) {
        return outbox.claim(channel, channel.due(now, lane, max), now);
    }

    /** Records the attempt on the recorder's threads, then frees its place in the lane and tells its round. */
    private void recordLater(Round round, WebhookSender.Sent sent) {
        Runnable task = () -> {
            Outcome outcome = Outcome.SKIPPED;
            try {
                outcome = record(sent);
            } finally {
                lanes.release(sent.claim().item().webhookId(), 1);
                round.outcomes.add(outcome);
            }
        };
        try {
            recorder.execute(task);
        } catch (RejectedExecutionException e) {
            task.run(); // shutting down: record it here
        }
    }

    /** Logs the attempt and moves the delivery on: DELIVERED, a retry after the backoff, or FAILED. */
    Outcome record(WebhookSender.Sent sent) {
        Outcome outcome = outbox.record(channel, sent.claim(), sent);
        String counted = switch (outcome) {
            case DONE -> "delivered";
            case RETRIED -> "retried";
            case FAILED -> "failed";
            case SKIPPED -> null;
        };
        if (counted != null) {
            registry.counter("hindsight.webhook.deliveries", "outcome", counted).increment();
        }
        return outcome;
    }
}
