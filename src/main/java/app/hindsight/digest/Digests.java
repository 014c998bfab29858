package app.hindsight.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.hindsight.HindsightConfig;
import app.hindsight.jobs.Batches;
import app.hindsight.outbox.Outbox;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Composes the digests of a period and sends them: composing writes a digest row, unique by (subscription, period),
 * with the notices it carries (each notice once per subscription, by another unique key), in one transaction; sending
 * is the {@link Outbox}'s, through {@link DigestChannel}. So two replicas, or a scheduled and a manual run, compose
 * each digest once and send it once; a failed send is tried again after a backoff, with the same content and
 * Message-ID.
 */
@ApplicationScoped
public class Digests {

    /** Notices older than this are news no more: a digest never reaches further back. */
    static final Duration LOOKBACK = Duration.ofDays(31);

    /** Sent digests are kept this long (more than the lookback: they are what keeps a notice from coming twice). */
    static final Duration KEPT = Duration.ofDays(62);

    /** A PENDING subscription whose link expired is kept this long (its link then says "expired"), then deleted. */
    static final Duration EXPIRED_KEPT = Duration.ofDays(7);

    private static final int BATCH = 50;

    /** What one run did. */
    public record Result(int composed, int sent, int retried, int failed, long durationMs) {}

    @Inject
    Clock clock;

    @Inject
    HindsightConfig config;

    @Inject
    Outbox outbox;

    @Inject
    DigestChannel channel;

    /** Composes the period's digests, then sends every digest that is due, new ones and retries alike. */
    public Result run() {
        long start = System.nanoTime();
        Instant now = now();
        LocalDate today = LocalDate.ofInstant(now, config.zone());
        int composed = 0;
        for (Cadence cadence : Cadence.values()) {
            if (cadence.sendsOn(today)) {
                composed += compose(cadence, cadence.period(today), now);
            }
        }
        tidy(now);
        Outbox.Tally sending = outbox.drain(channel);
        return new Result(
                composed, sending.done(), sending.retried(), sending.failed(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Sends the digests that are due (retries after a failure), nothing else. */
    public Result retry() {
        long start = System.nanoTime();
        Outbox.Tally sending = outbox.drain(channel);
        return new Result(
                0, sending.done(), sending.retried(), sending.failed(), (System.nanoTime() - start) / 1_000_000);
    }

    // --- composing ----------------------------------------------------------------------------------------------

    /** A digest for each ACTIVE subscription of this cadence that has none for the period and has news. */
    int compose(Cadence cadence, String period, Instant now) {
        int composed = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> due(cadence, period, from));
            if (ids.isEmpty()) {
                return composed;
            }
            composed += Batches.run(ids, batch -> {
                int n = 0;
                for (Long id : batch) {
                    n += composeOne(id, period, now) ? 1 : 0;
                }
                return n;
            });
            after = ids.get(ids.size() - 1);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Long> due(Cadence cadence, String period, long after) {
        return em().createQuery(
                        "select s.id from Subscription s where s.status = :active and s.cadence = :cadence and s.id > :after "
                                + "and not exists (select 1 from Digest d where d.subscriptionId = s.id and d.period = :period) "
                                + "order by s.id",
                        Long.class)
                .setParameter("active", SubscriptionStatus.ACTIVE)
                .setParameter("cadence", cadence)
                .setParameter("after", after)
                .setParameter("period", period)
                .setMaxResults(BATCH)
                .getResultList();
    }

    /**
     * In the caller's transaction: the digest of one subscription for the period, carrying the notices it has not
     * had yet (its kinds, topics and speakers, since it was confirmed, at most max-notices, oldest first). None when
     * there is no news. If another run composed it meanwhile, the unique key fails the transaction.
     */
    @SuppressWarnings("unchecked")
    boolean composeOne(long subscriptionId, String period, Instant now) {
        Subscription s = Subscription.findById(subscriptionId);
        if (s == null || s.status != SubscriptionStatus.ACTIVE) {
            return false;
        }
        Instant since = s.confirmedAt.isAfter(now.minus(LOOKBACK)) ? s.confirmedAt : now.minus(LOOKBACK);
        StringBuilder sql = new StringBuilder(
                "select n.id from notice n where n.created_at >= :since and n.created_at <= :now and n.kind in (:kinds) "
                        + "and exists (select 1 from prediction p where p.slug = n.prediction_key");
        if (!s.speakers.isEmpty()) {
            sql.append(" and p.speaker_lower in (:speakers)");
        }
        if (!s.topics.isEmpty()) {
            sql.append(
                    " and exists (select 1 from prediction_topic t where t.prediction_id = p.id and t.topic in (:topics))");
        }
        sql.append(") and not exists (select 1 from digest_notice dn where dn.subscription_id = :subscription "
                + "and dn.notice_id = n.id) order by n.created_at, n.id");
        var query = em().createNativeQuery(sql.toString())
                .setParameter("since", since)
                .setParameter("now", now)
                .setParameter("kinds", s.events)
                .setParameter("subscription", s.id)
                .setMaxResults(config.digest().maxNotices());
        if (!s.speakers.isEmpty()) {
            query.setParameter("speakers", Subscriptions.lower(s.speakers));
        }
        if (!s.topics.isEmpty()) {
            query.setParameter("topics", s.topics);
        }
        List<Number> notices = query.getResultList();
        if (notices.isEmpty()) {
            return false;
        }
        Digest d = new Digest();
        d.subscriptionId = s.id;
        d.period = period;
        d.status = DigestStatus.PENDING;
        d.notices = notices.size();
        d.nextAttemptAt = now;
        d.createdAt = now;
        d.persistAndFlush();
        for (Number notice : notices) {
            em().createNativeQuery(
                            "insert into digest_notice (digest_id, subscription_id, notice_id) values (:d, :s, :n)")
                    .setParameter("d", d.id)
                    .setParameter("s", s.id)
                    .setParameter("n", notice.longValue())
                    .executeUpdate();
        }
        return true;
    }

    /** Forgets what is no longer needed: old digests, and PENDING subscriptions nobody confirmed in time. */
    private void tidy(Instant now) {
        QuarkusTransaction.requiringNew().run(() -> {
            Digest.delete("createdAt < ?1 and status <> ?2", now.minus(KEPT), DigestStatus.PENDING);
            long expired = Subscription.delete(
                    "status = ?1 and confirmExpiresAt < ?2", SubscriptionStatus.PENDING, now.minus(EXPIRED_KEPT));
            if (expired > 0) {
                Log.infof("Deleted %d subscriptions whose confirmation link expired unused", expired);
            }
        });
    }

    private static EntityManager em() {
        return Digest.getEntityManager();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
