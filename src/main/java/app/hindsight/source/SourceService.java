package app.hindsight.source;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.hindsight.shared.Conflict;
import app.hindsight.shared.Keys;
import app.hindsight.shared.NotFound;
import app.hindsight.shared.Paged;
import app.hindsight.shared.Upsert;
import app.hindsight.shared.Validation;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class SourceService {

    @Inject
    Clock clock;

    @Inject
    Validation validation;

    @Transactional
    public SourceView create(NewSource in) {
        validation.require(in);
        String key = in.key() != null ? in.key() : Keys.fromTitle(in.title());
        if (Source.findByKey(key).isPresent()) {
            throw new Conflict("duplicate-key", "a source with key '" + key + "' already exists");
        }
        Source source = new Source();
        source.key = key;
        source.apply(in);
        source.createdAt = source.updatedAt = now();
        source.persistAndFlush();
        return source.toView(null);
    }

    @Transactional
    public SourceView get(String key) {
        Source source = Source.findByKey(key).orElseThrow(() -> new NotFound("source", key));
        return source.toView(SeedRevision.of(key).orElse(null));
    }

    /** For validating predictions that name a source; without its seed revision. */
    public java.util.Optional<SourceView> find(String key) {
        return Source.findByKey(key).map(s -> s.toView(null));
    }

    /** Whether a source with this key exists. */
    public boolean exists(String key) {
        return Source.count("key", key) > 0;
    }

    @Transactional
    public Paged<SourceView> list(long after, int limit) {
        List<Source> rows = Source.<Source>find("id > :after order by id", Parameters.with("after", after))
                .range(0, limit)
                .list();
        Map<String, SeedRevision> seeds =
                SeedRevision.of(rows.stream().map(s -> s.key).toList());
        return Paged.of(rows, limit, s -> s.id).map(s -> s.toView(seeds.get(s.key)));
    }

    /** Like {@link #list(long, int)}, of one speaker's sources only (the name in any case) when one is named. */
    @Transactional
    public Paged<SourceView> list(long after, int limit, String speaker) {
        if (speaker == null) {
            return list(after, limit);
        }
        List<Source> rows = Source.<Source>find(
                        "lower(speaker) = :speaker and id > :after order by id",
                        Parameters.with("after", after).and("speaker", speaker.toLowerCase(java.util.Locale.ROOT)))
                .range(0, limit)
                .list();
        return Paged.of(rows, limit, s -> s.id).map(s -> s.toView(null));
    }

    /** Creates or updates by key, inside the caller's transaction; the input is already valid and keyed. */
    public Upsert upsert(NewSource in, boolean createOnly, boolean dryRun) {
        Source existing = Source.findByKey(in.key()).orElse(null);
        if (existing != null && (createOnly || existing.toInput().equals(in))) {
            return Upsert.UNCHANGED;
        }
        if (dryRun) {
            return existing == null ? Upsert.CREATED : Upsert.UPDATED;
        }
        Source source = existing == null ? new Source() : existing;
        if (existing == null) {
            source.key = in.key();
            source.createdAt = now();
        }
        source.apply(in);
        source.updatedAt = now();
        source.persist();
        return existing == null ? Upsert.CREATED : Upsert.UPDATED;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
