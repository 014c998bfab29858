package app.hindsight.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import app.hindsight.HindsightConfig;
import app.hindsight.domain.InvalidInput;
import app.hindsight.seed.SeedFiles.SeedFile;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the seed files on start through the import code, create-if-absent: a restart creates no
 * duplicates, and a seeded prediction that a user edited, resolved, withdrew or deleted stays as the user
 * left it. The files packaged in the jar come first, then those of {@code hindsight.seed.dir}. A broken file is
 * reported and skipped whole; the service still starts.
 */
@ApplicationScoped
public class SeedLoader {

    @Inject
    HindsightConfig config;

    @Inject
    ImportService imports;

    void onStart(@Observes StartupEvent start) {
        if (config.seed().enabled()) {
            loadAll();
        }
    }

    public void loadAll() {
        for (SeedFile file : SeedFiles.all(config.seed().dir())) {
            load(file);
        }
    }

    /** One file of a folder, as {@link #loadAll()} loads it. */
    ImportResult load(Path file) {
        return load(new SeedFile(
                file.toString(), file.getFileName().toString().endsWith(".ndjson"), () -> Files.readAllBytes(file)));
    }

    ImportResult load(SeedFile file) {
        try {
            byte[] body = file.body().read();
            ImportResult result;
            try {
                result = imports.seed(imports.parse(body, file.ndjson()));
            } catch (InvalidInput | InvalidImport e) {
                throw e;
            } catch (RuntimeException e) {
                // Replicas starting together seed at once; the loser's second pass finds everything there.
                Log.infof(
                        "Seeding %s raced with another replica (%s); trying again",
                        file.name(), e.getClass().getSimpleName());
                result = imports.seed(imports.parse(body, file.ndjson()));
            }
            Log.infof(
                    "Seeds %s: %d created, %d already present", file.name(), result.created(), result.unchanged());
            return result;
        } catch (InvalidInput e) {
            Log.errorf("Seed file %s not loaded: %s %s", file.name(), e.getMessage(), e.errors());
        } catch (InvalidImport e) {
            Log.errorf("Seed file %s not loaded: %s %s", file.name(), e.getMessage(), e.errors());
        } catch (IOException e) {
            Log.errorf("Seed file %s not readable: %s", file.name(), e.getMessage());
        }
        return null;
    }
}
