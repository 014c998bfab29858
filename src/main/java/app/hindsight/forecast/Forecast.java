package app.hindsight.forecast;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import app.hindsight.prediction.store.PredictionVersions;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A forecaster's probability that a prediction resolves CORRECT. Append-only: a later one supersedes it. */
@Entity
@Table(name = "forecast")
public class Forecast extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "forecast_seq")
    @SequenceGenerator(name = "forecast_seq", sequenceName = "forecast_seq", allocationSize = 50)
    public Long id;

    @Column(name = "prediction_id", nullable = false, updatable = false)
    public Long predictionId;

    @Column(nullable = false, updatable = false)
    public String forecaster;

    @Column(nullable = false, updatable = false)
    public double probability;

    @Column(updatable = false)
    public String note;

    @Column(name = "made_at", nullable = false, updatable = false)
    public Instant at;

    /** When the forecaster's next forecast on the prediction was made; null while this is their latest. */
    @Column(name = "superseded_at")
    public Instant supersededAt;

    /**
     * The forecast as the API shows it, scored or not by its prediction's {@code close}, and made on which version of
     * its amendable fields, given the moments later versions began ({@link PredictionVersions#changes}).
     */
    ForecastView toView(Unscored.Close close, List<Instant> versionChanges) {
        Unscored why = Unscored.of(close, at, supersededAt);
        int version = PredictionVersions.versionAt(versionChanges, at);
        return new ForecastView(
                id, forecaster, probability, note, at, why == null, why, version, version <= versionChanges.size());
    }
}
