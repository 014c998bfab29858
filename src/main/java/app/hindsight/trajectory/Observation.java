package app.hindsight.trajectory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import app.hindsight.prediction.model.Evidence;
import app.hindsight.prediction.model.EvidenceConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A value of a prediction's metric on a day, with its evidence. Kept when retracted, marked so. */
@Entity
@Table(name = "observation")
public class Observation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "observation_seq")
    @SequenceGenerator(name = "observation_seq", sequenceName = "observation_seq", allocationSize = 50)
    public Long id;

    @Column(name = "prediction_id", nullable = false, updatable = false)
    public Long predictionId;

    @Column(name = "observed_on", nullable = false, updatable = false)
    public LocalDate on;

    @Column(name = "metric_value", nullable = false, updatable = false)
    public double value;

    @Column(updatable = false)
    public String note;

    @Convert(converter = EvidenceConverter.class)
    @Column(updatable = false)
    public List<Evidence> evidence;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "retracted_at")
    public Instant retractedAt;

    @Column(name = "retracted_by")
    public String retractedBy;

    public boolean retracted() {
        return retractedAt != null;
    }

    ObservationView toView() {
        return new ObservationView(
                id,
                on,
                value,
                note,
                evidence == null ? List.of() : evidence,
                recordedAt,
                recordedBy,
                retracted(),
                retractedAt,
                retractedBy);
    }
}
