package app.hindsight.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.HindsightConfig;
import app.hindsight.outbox.Backoff;
import app.hindsight.outbox.Outbox;
import app.hindsight.outbox.Queue;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Digests as an outbox queue: the due digests of active subscriptions, oldest due first; a send renders the mail
 * from what its notices say now and hands it to the SMTP server, the same content and Message-ID on every attempt;
 * the result is the server's refusal, or null when it took the mail. A digest whose subscriber left is not due
 * (unsubscribing cancels it).
 */
@ApplicationScoped
public class DigestChannel implements Queue<Digest, Void, String> {

    /** A claim holds its digest this long: past it, a sender that died mid-send is followed by another attempt. */
    static final Duration LEASE = Duration.ofMinutes(5);

    /** What a send says of a digest deleted (with its subscription) after it was claimed: nothing is recorded. */
    private static final String GONE = "the digest is gone";

    @Inject
    HindsightConfig config;

    @Inject
    DigestContent content;

    @Inject
    MailOut mailOut;

    @Override
    public Class<Digest> table() {
        return Digest.class;
    }

    @Override
    public Enum<?> pending() {
        return DigestStatus.PENDING;
    }

    @Override
    public String noun() {
        return "Digest";
    }

    @Override
    public Duration lease() {
        return LEASE;
    }

    @Override
    public Backoff backoff() {
        return new Backoff(config.digest().backoff());
    }

    @Override
    public List<Outbox.Due<Void>> due(Instant now, int max) {
        return Digest.getEntityManager()
                .createQuery(
                        "select d.id, d.version, d.attempts from Digest d where d.status = :pending "
                                + "and d.nextAttemptAt <= :now and exists (select 1 from Subscription s "
                                + "where s.id = d.subscriptionId and s.status = :active) order by d.nextAttemptAt, d.id",
                        Object[].class)
                .setParameter("pending", DigestStatus.PENDING)
                .setParameter("now", now)
                .setParameter("active", SubscriptionStatus.ACTIVE)
                .setMaxResults(max)
                .getResultStream()
                .map(r -> new Outbox.Due<Void>((Long) r[0], (Long) r[1], (Integer) r[2], null))
                .toList();
    }

    @Override
    public String send(Outbox.Claim<Void> claim) {
        Mail mail = QuarkusTransaction.requiringNew().call(() -> content.mail(claim.id()));
        if (mail == null) {
            return GONE;
        }
        try {
            mailOut.send(mail);
            return null;
        } catch (MailOut.NotSent e) {
            return e.getMessage();
        }
    }

    @Override
    public boolean ok(String error) {
        return error == null;
    }

    @Override
    public void done(Digest d, Outbox.Claim<Void> claim, String error, Instant now) {
        d.status = DigestStatus.SENT;
        d.sentAt = now;
        d.lastError = null;
        Log.debugf(
                "Digest %d (subscription %d, %s) sent on attempt %d",
                d.id, d.subscriptionId, d.period, claim.attempt());
    }

    @Override
    public void retrying(Digest d, Outbox.Claim<Void> claim, String error) {
        d.lastError = error;
        Log.warnf(
                "Digest %d (subscription %d, %s): attempt %d failed (%s); next at %s",
                d.id, d.subscriptionId, d.period, claim.attempt(), error, d.nextAttemptAt);
    }

    @Override
    public void failed(Digest d, Outbox.Claim<Void> claim, String error, Instant now) {
        d.status = DigestStatus.FAILED;
        d.lastError = error;
        Log.warnf(
                "Digest %d (subscription %d, %s) FAILED after %d attempts (last: %s)",
                d.id, d.subscriptionId, d.period, claim.attempt(), error);
    }
}
