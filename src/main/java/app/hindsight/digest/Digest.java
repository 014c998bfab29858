package app.hindsight.digest;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import app.hindsight.outbox.OutboxRow;

/**
 * One subscriber's mail for one period (table digest), unique by (subscription, period): whoever composes it
 * second fails on that key. The notices it carries are rows of digest_notice. It is sent through the outbox
 * (attempts, next_attempt_at and version are {@link OutboxRow}'s); nextAttemptAt is null once it is SENT, FAILED or
 * CANCELLED.
 */
@Entity
@Table(name = "digest")
public class Digest extends OutboxRow {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "digest_seq")
    @SequenceGenerator(name = "digest_seq", sequenceName = "digest_seq", allocationSize = 50)
    public Long id;

    @Column(name = "subscription_id", nullable = false, updatable = false)
    public long subscriptionId;

    /** 2031-03-05 for a daily digest, 2031-W10 for a weekly one. */
    @Column(nullable = false, updatable = false)
    public String period;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public DigestStatus status;

    /** How many notices it carries. */
    @Column(nullable = false, updatable = false)
    public int notices;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Why the last attempt failed. */
    @Column(name = "last_error")
    public String lastError;

    @Override
    public boolean waiting() {
        return status == DigestStatus.PENDING;
    }
}
