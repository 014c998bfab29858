package app.hindsight.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Sends what must leave the service once per attempt (a webhook delivery, a digest mail), on any number of
 * replicas at once. Each item is a row of an {@link OutboxRow} table, and every attempt goes the same way:
 * <ol>
 * <li>its channel reads which rows are due: PENDING, nextAttemptAt passed;
 * <li>{@link #claim} takes each with an update conditional on the version it was read at, which also moves
 * nextAttemptAt past a lease: of two replicas (or a scheduled and a manual run) that read the same row, one wins
 * and the other moves on, so no attempt number is made twice;
 * <li>the channel sends it with no transaction open;
 * <li>{@link #record} writes how it went in a transaction of its own, if the row is still at the claim's version:
 * done, due again after the channel's {@link Backoff}, or FAILED once its waits are used up.
 * </ol>
 * If a node dies mid-send, the row comes due when the lease ends and is attempted again with the next number; the
 * lost attempt leaves a gap in the numbers. A claim that the lease outlived, and another node took over, records
 * nothing on the row.
 * <p>
 * {@link #drain} does all four for a {@link Queue}, one item at a time, until nothing is due; the jobs that call it
 * run on the clustered Quartz scheduler, and a run that overlaps another, on this replica or another, is safe.
 * Webhook deliveries call {@link #claim} and {@link #record} themselves, to send many at once, per subscription.
 */
@ApplicationScoped
public class Outbox {

    /** Rows claimed at once by {@link #drain}. */
    static final int BATCH = 50;

    /** How recording an attempt ended; SKIPPED when there was nothing to record it on (the row is gone or lost). */
    public enum Outcome {
        DONE,
        RETRIED,
        FAILED,
        SKIPPED
    }

    /** A row read as due, at the version and attempts it was read with, and what sending it needs. */
    public record Due<T>(long id, long version, int attempts, T item) {

        /** The claim this row becomes if its conditional update succeeds. */
        Claim<T> claimed() {
            return new Claim<>(id, version + 1, attempts + 1, item);
        }
    }

    /** A row this node won the right to attempt: its version after the claim, the attempt's number, its item. */
    public record Claim<T>(long id, long version, int attempt, T item) {}

    /** What {@link #drain} did. */
    public record Tally(int done, int retried, int failed) {}

    /** What recording does to a row: the outcome and the row's next nextAttemptAt. */
    record Decision(Outcome outcome, Instant nextAttemptAt) {}

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    /**
     * In the caller's transaction: claims each of these rows, read as due in that transaction, with an update that
     * succeeds only if nobody changed the row since and it still waits; returns the claims won.
     */
    public <T> List<Claim<T>> claim(Channel<?, T, ?> channel, List<Due<T>> due, Instant now) {
        if (due.isEmpty()) {
            return List.of();
        }
        String update = "update " + em.getMetamodel().entity(channel.table()).getName() + " r "
                + "set r.attempts = r.attempts + 1, r.nextAttemptAt = :lease, r.version = r.version + 1 "
                + "where r.id = :id and r.version = :version and r.status = :pending";
        Instant lease = now.plus(channel.lease());
        List<Claim<T>> claims = new ArrayList<>();
        for (Due<T> row : due) {
            int won = em.createQuery(update)
                    .setParameter("lease", lease)
                    .setParameter("id", row.id())
                    .setParameter("version", row.version())
                    .setParameter("pending", channel.pending())
                    .executeUpdate();
            if (won == 1) {
                claims.add(row.claimed());
            }
        }
        return claims;
    }

    /** Records how a claimed attempt went, in a transaction of its own; never throws. */
    public <R extends OutboxRow, T, S> Outcome record(Channel<R, T, S> channel, Claim<T> claim, S sent) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> apply(channel, claim, sent));
        } catch (RuntimeException e) {
            // E.g. a race lost to another node that claimed the row after this claim's lease ran out: it has it now.
            Log.warnf(
                    "%s %d: attempt %d could not be recorded (%s)",
                    channel.noun(), claim.id(), claim.attempt(), e.getClass().getSimpleName());
            return Outcome.SKIPPED;
        }
    }

    private <R extends OutboxRow, T, S> Outcome apply(Channel<R, T, S> channel, Claim<T> claim, S sent) {
        R row = em.find(channel.table(), claim.id());
        if (row == null) {
            return Outcome.SKIPPED; // deleted while it was being sent (its subscription was)
        }
        channel.attempted(row, claim, sent);
        Instant now = now();
        Decision decision = decide(claim, row.version, row.waiting(), channel.ok(sent), channel.backoff(), now);
        switch (decision.outcome()) {
            case SKIPPED ->
                Log.warnf(
                        "%s %d was claimed again while attempt %d was under way; leaving it to that claim",
                        channel.noun(), claim.id(), claim.attempt());
            case DONE -> {
                row.nextAttemptAt = null;
                channel.done(row, claim, sent, now);
            }
            case RETRIED -> {
                row.nextAttemptAt = decision.nextAttemptAt();
                channel.retrying(row, claim, sent);
            }
            case FAILED -> {
                row.nextAttemptAt = null;
                channel.failed(row, claim, sent, now);
            }
        }
        return decision.outcome();
    }

    /**
     * The rule of recording, from the row as the recording transaction finds it: a claim holds while the row is at
     * the claim's version and still waits; then the attempt is done, or retried after the backoff, or the last.
     */
    static Decision decide(Claim<?> claim, long version, boolean waiting, boolean ok, Backoff backoff, Instant now) {
        if (version != claim.version() || !waiting) {
            return new Decision(Outcome.SKIPPED, null);
        }
        if (ok) {
            return new Decision(Outcome.DONE, null);
        }
        return backoff.next(claim.attempt(), now)
                .map(next -> new Decision(Outcome.RETRIED, next))
                .orElseGet(() -> new Decision(Outcome.FAILED, null));
    }

    /** Claims, sends and records the queue's due items, a batch at a time, until none is due that it could claim. */
    public <R extends OutboxRow, T, S> Tally drain(Queue<R, T, S> queue) {
        int done = 0;
        int retried = 0;
        int failed = 0;
        while (true) {
            Instant now = now();
            List<Claim<T>> claims =
                    QuarkusTransaction.requiringNew().call(() -> claim(queue, queue.due(now, BATCH), now));
            if (claims.isEmpty()) {
                return new Tally(done, retried, failed);
            }
            for (Claim<T> c : claims) {
                switch (record(queue, c, queue.send(c))) {
                    case DONE -> done++;
                    case RETRIED -> retried++;
                    case FAILED -> failed++;
                    case SKIPPED -> {}
                }
            }
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
