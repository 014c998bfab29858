package app.hindsight.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import app.hindsight.HindsightConfig;
import app.hindsight.domain.InvalidInput;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the seed files on start through the import code, create-if-absent: a restart creates no
 * duplicates, and a seeded prediction that a user edited, resolved, withdrew or deleted stays as the user
 * left it. A broken file is reported and skipped whole; the service still starts.
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
        Path dir = config.seed().dir();
        if (!Files.isDirectory(dir)) {
            Log.warnf("No seed folder at %s; nothing seeded", dir.toAbsolutePath());
            return;
        }
        for (Path file : files(dir)) {
            load(file);
        }
    }

    ImportResult load(Path file) {
        boolean ndjson = file.getFileName().toString().endsWith(".ndjson");
        try {
            byte[] body = Files.readAllBytes(file);
            ImportResult result;
            try {
                result = imports.seed(imports.parse(body, ndjson));
            } catch (InvalidInput | InvalidImport e) {
                throw e;
            } catch (RuntimeException e) {
                // Replicas starting together seed at once; the loser's second pass finds everything there.
                Log.infof(
                        "Seeding %s raced with another replica (%s); trying again",
                        file.getFileName(), e.getClass().getSimpleName());
                result = imports.seed(imports.parse(body, ndjson));
            }
            Log.infof(
                    "Seeds %s: %d created, %d already present",
                    file.getFileName(), result.created(), result.unchanged());
            return result;
        } catch (InvalidInput e) {
            Log.errorf("Seed file %s not loaded: %s %s", file, e.getMessage(), e.errors());
        } catch (InvalidImport e) {
            Log.errorf("Seed file %s not loaded: %s %s", file, e.getMessage(), e.errors());
        } catch (IOException e) {
            Log.errorf("Seed file %s not readable: %s", file, e.getMessage());
        }
        return null;
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(
                            f -> f.toString().endsWith(".json") || f.toString().endsWith(".ndjson"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            Log.errorf("Seed folder %s not readable: %s", dir, e.getMessage());
            return List.of();
        }
    }
}
