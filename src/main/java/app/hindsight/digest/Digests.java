package app.hindsight.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.hindsight.HindsightConfig;
import app.hindsight.jobs.Batches;
import app.hindsight.notify.Notice;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Composes the digests of a period and sends them, as the notice outbox does webhooks: composing writes a digest row,
 * unique by (subscription, period), with the notices it carries (each notice once per subscription, by another unique
 * key), in one transaction; sending claims a digest with an update conditional on its version, sends with no
 * transaction open, and records how it went. So two replicas, or a scheduled and a manual run, compose each digest
 * once and send it once; a failed send is tried again after a backoff, with the same content and Message-ID.
 */
@ApplicationScoped
public class Digests {

    /** Notices older than this are news no more: a digest never reaches further back. */
    static final Duration LOOKBACK = Duration.ofDays(31);

    /** Sent digests are kept this long (more than the lookback: they are what keeps a notice from coming twice). */
    static final Duration KEPT = Duration.ofDays(62);

    /** A PENDING subscription whose link expired is kept this long (its link then says "expired"), then deleted. */
    static final Duration EXPIRED_KEPT = Duration.ofDays(7);

    /** A claim holds its digest this long: past it, a sender that died mid-send is followed by another attempt. */
    static final Duration LEASE = Duration.ofMinutes(5);

    private static final int BATCH = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** What one run did. */
    public record Result(int composed, int sent, int retried, int failed, long durationMs) {}

    /** What sending the due digests did. */
    record Sending(int sent, int retried, int failed) {}

    /** A digest this node won the right to attempt. */
    record Claim(long digestId, long version, int attempt) {}

    @Inject
    Clock clock;

    @Inject
    HindsightConfig config;

    @Inject
    DigestMails mails;

    @Inject
    MailOut mailOut;

    @Inject
    ObjectMapper json;

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
        Sending sending = sendDue();
        return new Result(
                composed, sending.sent(), sending.retried(), sending.failed(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Sends the digests that are due (retries after a failure), nothing else. */
    public Result retry() {
        long start = System.nanoTime();
        Sending sending = sendDue();
        return new Result(
                0, sending.sent(), sending.retried(), sending.failed(), (System.nanoTime() - start) / 1_000_000);
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

    // --- sending ------------------------------------------------------------------------------------------------

    /** Claims and sends due digests until none is left that this run has not tried. */
    Sending sendDue() {
        int sent = 0;
        int retried = 0;
        int failed = 0;
        while (true) {
            Instant now = now();
            List<Claim> claims = QuarkusTransaction.requiringNew().call(() -> claim(now));
            if (claims.isEmpty()) {
                return new Sending(sent, retried, failed);
            }
            for (Claim c : claims) {
                switch (send(c)) {
                    case SENT -> sent++;
                    case PENDING -> retried++;
                    case FAILED -> failed++;
                    default -> {}
                }
            }
        }
    }

    /**
     * Up to a batch of due digests of active subscriptions, each claimed by an update that succeeds only if nobody
     * changed it since it was read; the claim moves its next attempt past the lease.
     */
    List<Claim> claim(Instant now) {
        List<Object[]> due = em().createQuery(
                        "select d.id, d.version, d.attempts from Digest d where d.status = :pending "
                                + "and d.nextAttemptAt <= :now and exists (select 1 from Subscription s "
                                + "where s.id = d.subscriptionId and s.status = :active) order by d.nextAttemptAt, d.id",
                        Object[].class)
                .setParameter("pending", DigestStatus.PENDING)
                .setParameter("now", now)
                .setParameter("active", SubscriptionStatus.ACTIVE)
                .setMaxResults(BATCH)
                .getResultList();
        List<Claim> claims = new ArrayList<>();
        for (Object[] row : due) {
            long id = (Long) row[0];
            long version = (Long) row[1];
            int won = Digest.update(
                    "attempts = attempts + 1, nextAttemptAt = ?1, version = version + 1 "
                            + "where id = ?2 and version = ?3 and status = ?4",
                    now.plus(LEASE),
                    id,
                    version,
                    DigestStatus.PENDING);
            if (won == 1) {
                claims.add(new Claim(id, version + 1, (Integer) row[2] + 1));
            }
        }
        return claims;
    }

    /** Renders and sends one claimed digest, then records the outcome; says where the digest stands after. */
    private DigestStatus send(Claim c) {
        io.quarkus.mailer.Mail mail = QuarkusTransaction.requiringNew().call(() -> render(c.digestId()));
        if (mail == null) {
            return DigestStatus.CANCELLED;
        }
        String error = null;
        try {
            mailOut.send(mail);
        } catch (MailOut.NotSent e) {
            error = e.getMessage();
        }
        String failure = error;
        try {
            return QuarkusTransaction.requiringNew().call(() -> record(c, failure));
        } catch (RuntimeException e) {
            Log.warnf(
                    "Digest %d: attempt %d could not be recorded (%s)",
                    c.digestId(), c.attempt(), e.getClass().getSimpleName());
            return DigestStatus.CANCELLED;
        }
    }

    private DigestStatus record(Claim c, String error) {
        Digest d = Digest.findById(c.digestId());
        if (d == null) {
            return DigestStatus.CANCELLED; // its subscription was deleted while it was being sent
        }
        if (d.version != c.version() || d.status != DigestStatus.PENDING) {
            Log.warnf(
                    "Digest %d was claimed again while attempt %d was under way; leaving it to that claim",
                    d.id, c.attempt());
            return DigestStatus.CANCELLED;
        }
        Instant now = now();
        if (error == null) {
            d.status = DigestStatus.SENT;
            d.sentAt = now;
            d.nextAttemptAt = null;
            d.lastError = null;
            Log.debugf(
                    "Digest %d (subscription %d, %s) sent on attempt %d",
                    d.id, d.subscriptionId, d.period, c.attempt());
            return DigestStatus.SENT;
        }
        d.lastError = error;
        List<Duration> backoff = config.digest().backoff();
        if (c.attempt() <= backoff.size()) {
            d.nextAttemptAt = now.plus(backoff.get(c.attempt() - 1));
            Log.warnf(
                    "Digest %d (subscription %d, %s): attempt %d failed (%s); next at %s",
                    d.id, d.subscriptionId, d.period, c.attempt(), error, d.nextAttemptAt);
            return DigestStatus.PENDING;
        }
        d.status = DigestStatus.FAILED;
        d.nextAttemptAt = null;
        Log.warnf(
                "Digest %d (subscription %d, %s) FAILED after %d attempts (last: %s)",
                d.id, d.subscriptionId, d.period, c.attempt(), error);
        return DigestStatus.FAILED;
    }

    // --- rendering ----------------------------------------------------------------------------------------------

    /** The mail of a digest, from its notices and their predictions as they are now; null if it is gone. */
    @SuppressWarnings("unchecked")
    io.quarkus.mailer.Mail render(long digestId) {
        Digest d = Digest.findById(digestId);
        if (d == null) {
            return null;
        }
        Subscription s = Subscription.findById(d.subscriptionId);
        List<Object[]> rows = em().createNativeQuery(
                        "select n.kind, n.payload, p.slug, p.statement, p.speaker, p.quote_text, p.quote_lang, "
                                + "p.target_date, p.next_review_on, n.prediction_key from digest_notice dn "
                                + "join notice n on n.id = dn.notice_id left join prediction p on p.slug = n.prediction_key "
                                + "where dn.digest_id = :digest order by n.created_at, n.id")
                .setParameter("digest", digestId)
                .getResultList();
        Map<String, List<DigestMail.Entry>> byKind = new LinkedHashMap<>();
        Subscriptions.ALL_KINDS.forEach(kind -> byKind.put(kind, new ArrayList<>()));
        for (Object[] row : rows) {
            String kind = (String) row[0];
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(entry(kind, row));
        }
        List<DigestMail.Section> sections = new ArrayList<>();
        byKind.forEach((kind, entries) -> {
            if (!entries.isEmpty()) {
                sections.add(new DigestMail.Section(heading(kind), entries));
            }
        });
        DigestMail data = new DigestMail(
                title(s.cadence, d.period, rows.size()),
                s.email,
                rows.size(),
                sections,
                filters(s),
                mails.deskUrl(),
                mails.unsubscribeUrl(s.unsubscribeToken));
        return mails.digest(s, d.period, data);
    }

    private DigestMail.Entry entry(String kind, Object[] row) {
        JsonNode data = payload((String) row[1]);
        String key = row[2] != null ? (String) row[2] : (String) row[9];
        String statement = row[3] != null
                ? (String) row[3]
                : data.path("prediction").path("statement").asText(key);
        String speaker = row[4] != null
                ? (String) row[4]
                : data.path("prediction").path("speaker").asText("");
        LocalDate target = localDate(row[7]);
        LocalDate review = localDate(row[8]);
        String due = target != null ? "due " + target : review != null ? "review on " + review : null;
        return new DigestMail.Entry(
                statement, speaker, (String) row[5], (String) row[6], due, why(kind, data), mails.deskUrl(key));
    }

    /** Why the notice is here, from what the notice itself says. */
    private static String why(String kind, JsonNode data) {
        return switch (kind) {
            case Notice.DUE ->
                switch (data.path("reason").asText("")) {
                    case "TARGET_MET" -> "Its metric met the target: time to judge it.";
                    case "PERIODIC_REVIEW" -> "Time for its periodic review.";
                    default -> "Its target date has passed: time to judge it.";
                };
            case Notice.UPCOMING ->
                data.hasNonNull("leadTime")
                        ? "Due within " + lead(data.get("leadTime").asText()) + "."
                        : "Coming due.";
            case Notice.OVERDUE ->
                data.hasNonNull("openedAt")
                        ? "Its review has waited since "
                                + data.get("openedAt").asText().substring(0, 10)
                                + (data.hasNonNull("assignee")
                                        ? " (assigned to "
                                                + data.get("assignee").asText() + ")"
                                        : "")
                                + "."
                        : "Its review is overdue.";
            case Notice.OFF_TRACK ->
                data.path("observation").hasNonNull("on")
                        ? "The observation of "
                                + data.path("observation").get("on").asText()
                                + " puts its metric behind the path to its target."
                        : "Its metric fell behind the path to its target.";
            default -> null;
        };
    }

    /** P7D as "7 days", P1M as "1 month". */
    static String lead(String period) {
        try {
            java.time.Period p = java.time.Period.parse(period);
            if (p.getYears() == 0 && p.getMonths() == 0) {
                return p.getDays() == 1 ? "a day" : p.getDays() + " days";
            }
        } catch (RuntimeException e) {
            // as written
        }
        return period;
    }

    private static String heading(String kind) {
        return switch (kind) {
            case Notice.DUE -> "Came due";
            case Notice.UPCOMING -> "Coming due";
            case Notice.OVERDUE -> "Reviews waiting";
            case Notice.OFF_TRACK -> "Off track";
            default -> kind;
        };
    }

    static String title(Cadence cadence, String period, int notices) {
        String what = notices == 1 ? "1 prediction needs a look" : notices + " predictions need a look";
        if (cadence == Cadence.DAILY) {
            return "Hindsight, " + DAY.format(LocalDate.parse(period)) + ": " + what;
        }
        LocalDate monday = LocalDate.parse(period.substring(0, 4) + "-01-04")
                .with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, Long.parseLong(period.substring(6)))
                .with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        return "Hindsight, week of " + SHORT.format(monday) + ": " + what;
    }

    private static String filters(Subscription s) {
        return (s.cadence == Cadence.DAILY ? "daily" : "weekly") + " for " + String.join(", ", s.events)
                + (s.topics.isEmpty() ? "" : ", topics " + String.join(", ", s.topics))
                + (s.speakers.isEmpty() ? "" : ", speakers " + String.join(", ", s.speakers))
                + ", because " + s.email + " subscribed and confirmed";
    }

    private JsonNode payload(String payload) {
        try {
            return json.readTree(payload).path("data");
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }

    private static LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }

    private static EntityManager em() {
        return Digest.getEntityManager();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
