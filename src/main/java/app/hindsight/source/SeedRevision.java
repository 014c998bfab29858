package app.hindsight.source;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Which revision of a source's seeds this database holds, and the predictions that revision left alone because a
 * person had changed them. The row is what replicas lock while one of them applies a revision.
 */
@Entity
@Table(name = "seed_revision")
public class SeedRevision extends PanacheEntityBase {

    @Id
    @Column(name = "source_key")
    public String sourceKey;

    /** The revision applied; 0 while none is recorded (the row was made to be locked). */
    @Column(nullable = false)
    public int revision;

    @Column(name = "loaded_at")
    public Instant loadedAt;

    /** Keys of the predictions the revision left as people had left them. */
    @ElementCollection
    @CollectionTable(name = "seed_conflict", joinColumns = @JoinColumn(name = "source_key"))
    @Column(name = "prediction_key")
    public Set<String> conflicts = new TreeSet<>();

    /**
     * The source's row, locked until the caller's transaction ends; made when missing. Two replicas that make it at
     * once collide on its primary key: the one that loses fails, and its caller tries again, finding the row.
     */
    public static SeedRevision lock(String sourceKey) {
        SeedRevision row = findById(sourceKey, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new SeedRevision();
            row.sourceKey = sourceKey;
            row.persist();
            flush();
        }
        return row;
    }

    public static Optional<SeedRevision> of(String sourceKey) {
        return findByIdOptional(sourceKey);
    }

    /** The rows of these sources, by key. */
    static Map<String, SeedRevision> of(Collection<String> sourceKeys) {
        if (sourceKeys.isEmpty()) {
            return Map.of();
        }
        return SeedRevision.<SeedRevision>list("sourceKey in ?1", sourceKeys).stream()
                .collect(Collectors.toMap(r -> r.sourceKey, Function.identity()));
    }

    /** Records a revision as applied, with what it left alone. */
    public void applied(int applied, Collection<String> leftAlone, Instant now) {
        revision = applied;
        loadedAt = now;
        if (!conflicts.equals(Set.copyOf(leftAlone))) {
            conflicts.clear();
            conflicts.addAll(leftAlone);
        }
    }

    /** The revision recorded, if any. */
    public Integer recorded() {
        return revision > 0 ? revision : null;
    }

    List<String> sortedConflicts() {
        return conflicts.stream().sorted().toList();
    }
}
