package app.hindsight.seed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import app.hindsight.HindsightConfig;
import app.hindsight.prediction.model.NewPrediction;
import app.hindsight.seed.SeedFiles.SeedFile;
import app.hindsight.shared.Conflict;
import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.Keys;
import app.hindsight.source.NewSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the seed files on start, each through {@link SeedRevisions}: a restart creates no duplicates, a newer
 * revision of a source brings its untouched predictions up to date, and a seeded prediction that a person edited,
 * resolved, deferred, withdrew or deleted stays as the person left it. The files packaged in the jar come first, then
 * those of {@code hindsight.seed.dir}. A broken file is reported and skipped whole; the service still starts.
 */
@ApplicationScoped
public class SeedLoader {

    @Inject
    HindsightConfig config;

    @Inject
    ImportReader reader;

    @Inject
    SeedRevisions revisions;

    void onStart(@Observes StartupEvent start) {
        if (config.seed().enabled()) {
            loadAll();
        }
    }

    public void loadAll() {
        for (SeedFile file :
                SeedFiles.all(config.seed().packaged(), config.seed().dir())) {
            load(file);
        }
    }

    /** One file of a folder, as {@link #loadAll()} loads it. */
    SeedResult load(Path file) {
        return load(SeedFile.at(file, false));
    }

    SeedResult load(SeedFile file) {
        try {
            byte[] body = file.body().read();
            Packaged kept = file.packaged() || !guardsPackaged() ? Packaged.NONE : packaged();
            SeedResult result;
            try {
                result = revisions.load(file, reader.parse(body, file.ndjson()), kept);
            } catch (InvalidInput | InvalidImport | Conflict e) {
                throw e;
            } catch (RuntimeException e) {
                // Replicas starting together seed at once; the loser's second pass finds the revision applied.
                Log.infof(
                        "Seeding %s raced with another replica (%s); trying again",
                        file.name(), e.getClass().getSimpleName());
                try {
                    result = revisions.load(file, reader.parse(body, file.ndjson()), kept);
                } catch (InvalidInput | InvalidImport | Conflict invalid) {
                    throw invalid;
                } catch (RuntimeException again) {
                    // Not a race after all: the file is skipped, as a broken one is, and the service starts.
                    Log.errorf(again, "Seed file %s not loaded: %s", file.name(), again.getMessage());
                    return null;
                }
            }
            Log.infof(
                    "Seeds %s: %d created, %d updated, %d withdrawn, %d restored, %d unchanged",
                    file.name(),
                    result.created(),
                    result.updated(),
                    result.withdrawn(),
                    result.restored(),
                    result.unchanged());
            return result;
        } catch (InvalidInput e) {
            Log.errorf("Seed file %s not loaded: %s %s", file.name(), e.getMessage(), e.errors());
        } catch (InvalidImport e) {
            Log.errorf("Seed file %s not loaded: %s %s", file.name(), e.getMessage(), e.errors());
        } catch (Conflict e) {
            Log.errorf("Seed file %s not loaded: %s", file.name(), e.getMessage());
        } catch (IOException e) {
            Log.errorf("Seed file %s not readable: %s", file.name(), e.getMessage());
        }
        return null;
    }

    /** Whether a folder's files are kept off the packaged sources: packaged seeds in play, and no say-so. */
    private boolean guardsPackaged() {
        return config.seed().packaged() && !config.seed().dirMayRevisePackaged();
    }

    /** The sources and prediction keys the packaged files hold; read once, since the jar does not change. */
    private Packaged packaged() {
        Packaged known = packaged;
        if (known == null) {
            Set<String> sources = new HashSet<>();
            Set<String> keys = new HashSet<>();
            for (SeedFile file : SeedFiles.packaged()) {
                try {
                    for (ImportReader.Item item : reader.parse(file.body().read(), file.ndjson())) {
                        if (item.source() != null) {
                            sources.add(
                                    item.source().key() != null
                                            ? item.source().key()
                                            : Keys.fromTitle(item.source().title()));
                        } else if (item.prediction() != null
                                && item.prediction().key() != null) {
                            keys.add(item.prediction().key());
                        }
                    }
                } catch (IOException | InvalidInput | InvalidImport e) {
                    Log.warnf("Packaged seed file %s not readable for its keys: %s", file.name(), e.getMessage());
                }
            }
            known = new Packaged(Set.copyOf(sources), Set.copyOf(keys));
            packaged = known;
        }
        return known;
    }

    private volatile Packaged packaged;

    /** What the packaged seed files hold: their sources' keys and their predictions' keys. */
    record Packaged(Set<String> sources, Set<String> predictions) {

        static final Packaged NONE = new Packaged(Set.of(), Set.of());

        boolean holds(NewSource source) {
            return source.key() != null && sources.contains(source.key());
        }

        boolean holds(NewPrediction prediction) {
            return (prediction.source() != null && sources.contains(prediction.source()))
                    || (prediction.key() != null && predictions.contains(prediction.key()));
        }
    }
}
