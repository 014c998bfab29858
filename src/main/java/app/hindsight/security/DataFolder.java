package app.hindsight.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import app.hindsight.HindsightConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * The data folder holds the H2 database (token hashes, webhook secrets, everything) and the generated admin token:
 * it and its files are made readable by their owner only, on every start. H2 creates the folder and its files with
 * the process's umask, before any application code runs; this runs first among the start-up observers, before
 * tokens, seeds or anything secret is written, and once the folder is the owner's alone, files H2 creates later
 * (trace, temporary files) are out of others' reach whatever their own mode.
 */
@ApplicationScoped
public class DataFolder {

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    @Inject
    HindsightConfig config;

    void onStart(@Observes @Priority(1) StartupEvent start) {
        Path folder = config.dataDir();
        if (Files.isDirectory(folder) && restrict(folder)) {
            Log.infof(
                    "Made the data folder %s and its files readable by their owner only",
                    folder.toAbsolutePath().normalize());
        }
    }

    /** Creates the folder, owner-only, if it does not exist. */
    static void create(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(folder);
        }
    }

    /** Owner-only for the folder and the files directly in it; true when anything was changed. */
    static boolean restrict(Path folder) {
        try {
            boolean changed = restrict(folder, FOLDER);
            List<Path> files;
            try (Stream<Path> list = Files.list(folder)) {
                files = list.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                changed |= restrict(file, FILE);
            }
            return changed;
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its own access control applies.
            return false;
        } catch (IOException e) {
            Log.warnf(
                    "Could not make the data folder %s owner-only: %s",
                    folder.toAbsolutePath().normalize(), e.getMessage());
            return false;
        }
    }

    private static boolean restrict(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (Files.getPosixFilePermissions(path).equals(wanted)) {
            return false;
        }
        Files.setPosixFilePermissions(path, wanted);
        return true;
    }
}
