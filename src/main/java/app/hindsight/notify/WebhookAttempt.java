package app.hindsight.notify;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One HTTP attempt of a delivery, as it happened. Unique by (delivery, attempt). */
@Entity
@Immutable
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    /** The longest error message kept (the column's size). */
    static final int MAX_ERROR = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_attempt_seq")
    @SequenceGenerator(name = "webhook_attempt_seq", sequenceName = "webhook_attempt_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "delivery_id", nullable = false)
    public Delivery delivery;

    @Column(nullable = false)
    public int attempt;

    /** When the request was sent. */
    @Column(nullable = false)
    public Instant at;

    /** The receiver's HTTP status; null when there was no response (connection refused, timeout). */
    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    /** Why there was no response; null when there was one. */
    public String error;
}
