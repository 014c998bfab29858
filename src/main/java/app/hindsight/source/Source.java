package app.hindsight.source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A document predictions were extracted from: a talk, an interview, a post. */
@Entity
@Table(name = "source")
public class Source extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "source_seq")
    @SequenceGenerator(name = "source_seq", sequenceName = "source_seq", allocationSize = 10)
    public Long id;

    @Column(name = "slug", nullable = false, updatable = false)
    public String key;

    public String title;
    public String speaker;

    @Column(name = "said_on")
    public LocalDate date;

    public String url;
    public String language;
    public String description;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static Optional<Source> findByKey(String key) {
        return find("key", key).firstResultOptional();
    }

    void apply(NewSource in) {
        title = in.title();
        speaker = in.speaker();
        date = in.date();
        url = in.url();
        language = in.language();
        description = in.description();
    }

    NewSource toInput() {
        return new NewSource(key, title, speaker, date, url, language, description);
    }

    SourceView toView(SeedRevision seeds) {
        return new SourceView(
                key,
                title,
                speaker,
                date,
                url,
                language,
                description,
                createdAt,
                updatedAt,
                version,
                seeds == null ? null : seeds.recorded(),
                seeds == null ? List.of() : seeds.sortedConflicts());
    }
}
