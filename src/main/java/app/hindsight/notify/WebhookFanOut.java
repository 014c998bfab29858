package app.hindsight.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionScoped;

/**
 * Turns each new notice into one PENDING delivery per enabled subscription that asked for its kind, in the
 * transaction that wrote the notice: a notice and its deliveries exist together or not at all. A subscription
 * created later does not receive older notices.
 * <p>
 * Transaction-scoped so a scan that writes thousands of notices in one transaction reads the subscriptions
 * once, not once a notice.
 */
@TransactionScoped
public class WebhookFanOut {

    @Inject
    Clock clock;

    private List<Webhook> enabled;

    void on(@Observes NoticeCreated e) {
        if (enabled == null) {
            enabled = Webhook.list("enabled = true order by id");
        }
        Notice notice = e.notice();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        for (Webhook w : enabled) {
            if (w.wants(notice.kind)) {
                Delivery d = new Delivery();
                d.webhook = w;
                d.notice = notice;
                d.status = DeliveryStatus.PENDING;
                d.attempts = 0;
                d.nextAttemptAt = notice.createdAt;
                d.createdAt = now;
                d.persist();
            }
        }
    }
}
