package app.hindsight.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.HindsightConfig;
import app.hindsight.jobs.Job;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/** The webhook-delivery job: every hindsight.webhooks.delivery-every, one delivery round. */
@ApplicationScoped
public class WebhookDelivery implements Job {

    public static final String NAME = "webhook-delivery";

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    HindsightConfig config;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String schedule() {
        return "every " + config.webhooks().deliveryEvery();
    }

    @Override
    public DeliveryRound run() {
        return dispatcher.deliverDue();
    }

    @Scheduled(
            identity = NAME,
            every = "{hindsight.webhooks.delivery-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        DeliveryRound round = run();
        if (round.attempted() > 0) {
            Log.debugf("Webhook delivery round: %s", round);
        }
    }
}
