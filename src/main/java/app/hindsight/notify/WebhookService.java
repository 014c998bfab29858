package app.hindsight.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.hindsight.net.OutboundTargets;
import app.hindsight.notify.DeliveryView.AttemptView;
import app.hindsight.shared.FieldError;
import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.NotFound;
import app.hindsight.shared.Paged;
import app.hindsight.shared.Validation;
import io.quarkus.logging.Log;

/** Webhook subscriptions and their delivery log. Fan-out is {@link WebhookFanOut}; sending is {@link WebhookDispatcher}. */
@ApplicationScoped
public class WebhookService {

    @Inject
    Clock clock;

    @Inject
    Validation validation;

    @Inject
    WebhookSecrets secrets;

    @Inject
    OutboundTargets targets;

    @Transactional
    public WebhookView create(NewWebhook in, String actor) {
        List<FieldError> errors = new ArrayList<>(validation.errors(in));
        if (in != null && in.url() != null && !in.url().isBlank()) {
            String url = in.url().strip();
            String problem = urlProblem(url);
            if (problem == null) {
                problem = targets.problem(URI.create(url));
            }
            if (problem != null) {
                errors.add(new FieldError("url", problem));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Webhook w = new Webhook();
        w.url = in.url().strip();
        w.eventTypes = String.join(",", new TreeSet<>(in.eventTypes()));
        String secret = WebhookSignature.newSecret();
        w.secret = secrets.seal(secret);
        w.description = in.description();
        w.enabled = true;
        w.createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        w.createdBy = actor;
        w.persistAndFlush();
        // The host only: chat services put their own secret in the path of webhook URLs.
        Log.infof(
                "Webhook %d created by %s for host %s, events %s",
                w.id, actor, URI.create(w.url).getHost(), w.eventTypes);
        return w.toView(secret);
    }

    /**
     * Why this URL cannot be a webhook target, or null. Only http and https (no javascript:, file:, ftp:);
     * a host is required; user-info is refused because it would sit in the database and the log in clear, and
     * receivers should check the signature instead. Whether its host is an address the service may reach is
     * {@link OutboundTargets#problem}'s to say.
     */
    static String urlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must be an http or https URL";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not contain user-info (user:password@); receivers verify the signature instead";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "must name a host";
        }
        return null;
    }

    @Transactional
    public Paged<WebhookView> list(long after, int limit) {
        List<Webhook> rows = Webhook.<Webhook>find("id > ?1 order by id", after)
                .range(0, limit)
                .list();
        return Paged.of(rows, limit, w -> w.id).map(w -> w.toView(null));
    }

    @Transactional
    public WebhookView get(long id) {
        return find(id).toView(null);
    }

    /** Its deliveries and their attempts go with it (the schema cascades). */
    @Transactional
    public void delete(long id) {
        if (Webhook.delete("id", id) == 0) {
            throw notFound(id);
        }
        Log.infof("Webhook %d deleted", id);
    }

    /** The delivery log, newest first (by id), a page at a time: the ids before {@code before} (0: from the newest). */
    @Transactional
    public Paged<DeliveryView> deliveries(long webhookId, DeliveryStatus status, long before, int limit) {
        find(webhookId);
        String jpql = "select d.id, n.id, n.kind, n.predictionKey, d.status, d.createdAt, d.deliveredAt, "
                + "d.nextAttemptAt from Delivery d join d.notice n where d.webhook.id = :webhook"
                + (status == null ? "" : " and d.status = :status")
                + (before > 0 ? " and d.id < :before" : "")
                + " order by d.id desc";
        var query = Delivery.getEntityManager()
                .createQuery(jpql, Object[].class)
                .setParameter("webhook", webhookId)
                .setMaxResults(limit + 1);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (before > 0) {
            query.setParameter("before", before);
        }
        Paged<Object[]> page = Paged.of(query.getResultList(), limit, row -> (Long) row[0]);
        Map<Long, List<AttemptView>> attempts = new LinkedHashMap<>();
        page.items().forEach(row -> attempts.put((Long) row[0], new ArrayList<>()));
        if (!attempts.isEmpty()) {
            WebhookAttempt.<WebhookAttempt>list("delivery.id in ?1 order by attempt", List.copyOf(attempts.keySet()))
                    .forEach(a -> attempts.get(a.delivery.id)
                            .add(new AttemptView(a.attempt, a.at, a.statusCode, a.durationMs, a.error)));
        }
        return page.map(row -> new DeliveryView(
                (Long) row[0],
                WebhookSignature.messageId((Long) row[1]),
                (String) row[2],
                (String) row[3],
                (DeliveryStatus) row[4],
                (Instant) row[5],
                (Instant) row[6],
                (Instant) row[7],
                attempts.get((Long) row[0])));
    }

    private static Webhook find(long id) {
        return Webhook.<Webhook>findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    static NotFound notFound(Object id) {
        return new NotFound("webhook", String.valueOf(id));
    }
}
