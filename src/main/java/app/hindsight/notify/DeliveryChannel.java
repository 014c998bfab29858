package app.hindsight.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.HindsightConfig;
import app.hindsight.outbox.Backoff;
import app.hindsight.outbox.Channel;
import app.hindsight.outbox.Outbox;
import io.quarkus.logging.Log;

/**
 * Webhook deliveries as an outbox channel: which of a subscription's deliveries are due, and what an attempt's
 * outcome writes. Every attempt is logged (webhook_attempt), even one whose claim was lost; a delivery that FAILED
 * counts against its subscription, which hindsight.webhooks.disable-after such failures in a row disable, and a
 * delivered one resets the count.
 */
@ApplicationScoped
public class DeliveryChannel implements Channel<Delivery, WebhookSender.Post, WebhookSender.Sent> {

    @Inject
    HindsightConfig config;

    @Override
    public Class<Delivery> table() {
        return Delivery.class;
    }

    @Override
    public Enum<?> pending() {
        return DeliveryStatus.PENDING;
    }

    @Override
    public String noun() {
        return "Webhook delivery";
    }

    /** Past the longest an attempt can take: the request's timeout, twice for the whole exchange, and a margin. */
    @Override
    public Duration lease() {
        return config.webhooks().timeout().multipliedBy(2).plusSeconds(60);
    }

    @Override
    public Backoff backoff() {
        return new Backoff(config.webhooks().backoff());
    }

    /**
     * In the caller's transaction: up to {@code max} of the lane's due deliveries, oldest due first. The order names
     * every column of ix_delivery_lane (the first two are fixed by the filter): H2 then reads the index in order and
     * stops at {@code max}, where ordering by nextAttemptAt alone made it read and sort the whole backlog of the lane
     * on every claim. The lane was read as enabled in this transaction; joining the subscription here would lose the
     * index order.
     */
    List<Outbox.Due<WebhookSender.Post>> due(Instant now, WebhookDispatcher.Lane lane, int max) {
        return Delivery.getEntityManager()
                .createQuery(
                        "select d.id, d.version, d.attempts, n.id, n.payload "
                                + "from Delivery d join d.notice n "
                                + "where d.webhook.id = :webhook and d.status = :pending and d.nextAttemptAt <= :now "
                                + "order by d.webhook.id, d.status, d.nextAttemptAt, d.id",
                        Object[].class)
                .setParameter("webhook", lane.webhookId())
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultStream()
                .map(r -> new Outbox.Due<>(
                        (Long) r[0],
                        (Long) r[1],
                        (Integer) r[2],
                        new WebhookSender.Post(
                                lane.webhookId(), lane.url(), lane.secret(), (Long) r[3], (String) r[4])))
                .toList();
    }

    @Override
    public boolean ok(WebhookSender.Sent sent) {
        return sent.ok();
    }

    @Override
    public void attempted(Delivery d, Outbox.Claim<WebhookSender.Post> claim, WebhookSender.Sent sent) {
        WebhookAttempt a = new WebhookAttempt();
        a.delivery = d;
        a.attempt = claim.attempt();
        a.at = sent.at();
        a.statusCode = sent.statusCode();
        a.durationMs = sent.durationMs();
        a.error = sent.error();
        a.persist();
    }

    @Override
    public void done(Delivery d, Outbox.Claim<WebhookSender.Post> claim, WebhookSender.Sent sent, Instant now) {
        d.status = DeliveryStatus.DELIVERED;
        d.deliveredAt = now;
        Webhook.update(
                "consecutiveFailures = 0, version = version + 1 where id = ?1 and consecutiveFailures <> 0",
                claim.item().webhookId());
    }

    @Override
    public void retrying(Delivery d, Outbox.Claim<WebhookSender.Post> claim, WebhookSender.Sent sent) {
        Log.debugf(
                "Webhook delivery %d attempt %d failed (%s); next at %s",
                d.id, claim.attempt(), sent.what(), d.nextAttemptAt);
    }

    @Override
    public void failed(Delivery d, Outbox.Claim<WebhookSender.Post> claim, WebhookSender.Sent sent, Instant now) {
        d.status = DeliveryStatus.FAILED;
        long webhookId = claim.item().webhookId();
        Log.warnf(
                "Webhook delivery %d to webhook %d FAILED after %d attempts (last: %s)",
                d.id, webhookId, claim.attempt(), sent.what());
        countFailure(webhookId, now, sent.what());
    }

    /** One more FAILED delivery in a row; at hindsight.webhooks.disable-after the subscription is disabled. */
    private void countFailure(long webhookId, Instant now, String last) {
        Webhook.update("consecutiveFailures = consecutiveFailures + 1, version = version + 1 where id = ?1", webhookId);
        int limit = config.webhooks().disableAfter();
        String reason = WebhookSender.truncate(limit + " deliveries in a row failed; the last attempt: " + last, 300);
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
}
