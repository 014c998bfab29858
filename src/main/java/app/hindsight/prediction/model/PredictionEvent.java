package app.hindsight.prediction.model;

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

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One entry of a prediction's append-only history. Keyed by the prediction's key rather than a foreign
 * key, so the history outlives a deleted prediction.
 */
@Entity
@Immutable
@Table(name = "prediction_event")
public class PredictionEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "prediction_event_seq")
    @SequenceGenerator(name = "prediction_event_seq", sequenceName = "prediction_event_seq", allocationSize = 50)
    public Long id;

    @Column(name = "prediction_key", nullable = false, updatable = false)
    public String predictionKey;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false)
    public EventType type;

    @Column(nullable = false, updatable = false)
    public Instant at;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(updatable = false)
    public String note;

    /** FLAGGED_DUE's reason: TARGET_REACHED or PERIODIC_REVIEW. */
    @Column(updatable = false)
    public String reason;

    /** JSON: the changed fields of an UPDATED event, the verdict of a RESOLVED one, the date of a DEFERRED one. */
    @Column(updatable = false)
    public String details;

    public static PredictionEvent of(String predictionKey, EventType type, Instant at, String actor, String note) {
        PredictionEvent e = new PredictionEvent();
        e.predictionKey = predictionKey;
        e.type = type;
        e.at = at;
        e.actor = actor;
        e.note = note;
        return e;
    }
}
