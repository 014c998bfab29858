package app.hindsight.intake.store;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A source's transcript as the rules read it: one per source, replaced whole. */
@Entity
@Table(name = "transcript")
public class StoredTranscript extends PanacheEntityBase {

    @Id
    @Column(name = "source_key")
    public String sourceKey;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public String sha256;

    @Column(nullable = false)
    public String language;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(nullable = false)
    public int segments;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Version
    public long version;

    public static Optional<StoredTranscript> of(String sourceKey) {
        return findByIdOptional(sourceKey);
    }
}
