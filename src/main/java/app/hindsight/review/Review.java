package app.hindsight.review;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
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

import app.hindsight.prediction.FlagReason;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One cycle of "this prediction needs a human": opened when it comes due, closed when it is resolved,
 * deferred or withdrawn. {@code cycle} names the occasion; (prediction, cycle) is unique, so a review is
 * opened once however many scanners see the same occasion.
 */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {

    public enum Closure {
        RESOLVED, DEFERRED, WITHDRAWN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_seq")
    @SequenceGenerator(name = "review_seq", sequenceName = "review_seq", allocationSize = 50)
    public Long id;

    @Column(name = "prediction_key", nullable = false, updatable = false)
    public String predictionKey;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false)
    public FlagReason reason;

    /** The date the prediction came due. */
    @Column(name = "due_on", nullable = false, updatable = false)
    public LocalDate dueOn;

    @Column(nullable = false, updatable = false)
    public String cycle;

    @Column(name = "opened_at", nullable = false, updatable = false)
    public Instant openedAt;

    public String assignee;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public Closure closure;

    /** Escalations (review.overdue notices) sent so far. */
    @Column(name = "reminders_sent", nullable = false)
    public int remindersSent;

    @Version
    public long version;
}
