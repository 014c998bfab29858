package app.hindsight.digest;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Someone who wants a digest of notices by mail (table subscription). */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "subscription_seq")
    @SequenceGenerator(name = "subscription_seq", sequenceName = "subscription_seq", allocationSize = 1)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String email;

    /** Notice kinds, e.g. prediction.due. */
    @Convert(converter = StringListConverter.class)
    @Column(nullable = false, updatable = false)
    public List<String> events;

    /** Topic tags a notice's prediction must have one of; empty for any. */
    @Convert(converter = StringListConverter.class)
    @Column(nullable = false, updatable = false)
    public List<String> topics;

    /** Speakers (lower case) a notice's prediction must be by one of; empty for any. */
    @Convert(converter = StringListConverter.class)
    @Column(nullable = false, updatable = false)
    public List<String> speakers;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false)
    public Cadence cadence;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public SubscriptionStatus status;

    /** SHA-256 (hex) of the confirmation token while the link may still be used; null once it was. */
    @Column(name = "confirm_hash")
    public String confirmHash;

    @Column(name = "confirm_expires_at")
    public Instant confirmExpiresAt;

    @Column(name = "unsubscribe_token", nullable = false, updatable = false)
    public String unsubscribeToken;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** The name of the token that subscribed: the per-token limit counts by it. */
    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Version
    public long version;

    SubscriptionView toView() {
        return new SubscriptionView(
                id,
                email,
                events,
                topics,
                speakers,
                cadence,
                status,
                createdAt,
                createdBy,
                confirmedAt,
                status == SubscriptionStatus.PENDING ? confirmExpiresAt : null,
                endedAt);
    }
}
