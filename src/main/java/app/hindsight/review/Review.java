package app.hindsight.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import app.hindsight.prediction.model.FlagReason;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;

/**
 * One cycle of "this prediction needs a human": opened when it comes due, closed when it is resolved,
 * deferred or withdrawn. {@code cycle} names the occasion; (prediction, cycle) is unique, so a review is
 * opened once however many scanners see the same occasion.
 */
@Entity
@Table(name = "review")
// Named, so Hibernate checks them at start.
@NamedQuery(
        name = "Review.toEscalate",
        query = "select r.id from Review r where r.closedAt is null "
                + "and r.openedAt <= :before and r.remindersSent < :max and r.id > :after order by r.id")
@NamedQuery(name = "Review.openAmong", query = "from Review where id in :ids and closedAt is null")
public class Review extends PanacheEntityBase {

    public enum Closure {
        RESOLVED,
        DEFERRED,
        WITHDRAWN
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

    /**
     * The ids of open reviews that may be due an escalation: opened at or before {@code before}, with fewer than
     * {@code max} escalations, after {@code afterId}, in id order; at most {@code limit}.
     */
    static List<Long> toEscalate(Instant before, int max, long afterId, int limit) {
        return getEntityManager()
                .createNamedQuery("Review.toEscalate", Long.class)
                .setParameter("before", before)
                .setParameter("max", max)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Those of these reviews that are still open. */
    static List<Review> openAmong(List<Long> ids) {
        return find("#Review.openAmong", Parameters.with("ids", ids)).list();
    }
}
