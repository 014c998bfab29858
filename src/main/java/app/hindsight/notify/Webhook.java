package app.hindsight.notify;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A webhook subscription: where to POST which kinds of notices, and the secret they are signed with. The
 * secret is kept encrypted when hindsight.webhooks.secret-key is set, as issued otherwise (signing needs it, so it
 * cannot be hashed; see {@link SecretBox}), and never shown again after creation.
 */
@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {

    /** The notice kinds a subscription can ask for. */
    public static final List<String> EVENT_TYPES = Notice.KINDS;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_seq")
    @SequenceGenerator(name = "webhook_seq", sequenceName = "webhook_seq", allocationSize = 1)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String url;

    /** Comma-separated notice kinds, sorted. */
    @Column(name = "event_types", nullable = false, updatable = false)
    public String eventTypes;

    /** As {@link SecretBox} stored it: {@code enc:v1:...}, or {@code whsec_...} without a key. */
    @Column(nullable = false)
    public String secret;

    public String description;

    @Column(nullable = false)
    public boolean enabled;

    /** Deliveries in a row that ended FAILED; a DELIVERED one resets it. */
    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Version
    public long version;

    public List<String> eventTypeList() {
        return Arrays.asList(eventTypes.split(","));
    }

    public boolean wants(String kind) {
        return eventTypeList().contains(kind);
    }

    WebhookView toView(String newSecret) {
        return new WebhookView(
                id,
                url,
                eventTypeList(),
                description,
                enabled,
                consecutiveFailures,
                disabledAt,
                disabledReason,
                createdAt,
                createdBy,
                newSecret);
    }
}
