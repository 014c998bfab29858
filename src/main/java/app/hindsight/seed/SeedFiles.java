package app.hindsight.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.quarkus.logging.Log;

/**
 * The seed files to load, in order: those packaged in the jar (the build copies {@code seeds/} into it and lists
 * the files in {@code seeds/index.txt}, since a class loader cannot list a folder inside a jar), then the
 * {@code *.json} and {@code *.ndjson} files of a folder of one's own, each group in name order.
 */
final class SeedFiles {

    static final String PACKAGED = "seeds/";
    static final String INDEX = PACKAGED + "index.txt";

    /**
     * One file: a name for the log, whether it is packaged in the jar, its bytes, read when it is loaded, and the
     * files next to it (a source's transcript), read by name.
     */
    record SeedFile(String name, boolean ndjson, boolean packaged, Body body, Sibling sibling) {

        /** A file with nothing next to it. */
        SeedFile(String name, boolean ndjson, boolean packaged, Body body) {
            this(name, ndjson, packaged, body, sibling -> {
                throw new IOException("no file next to " + name);
            });
        }

        /** A file of a folder, and the files next to it. */
        static SeedFile at(Path file, boolean packaged) {
            return new SeedFile(
                    file.toString(),
                    file.getFileName().toString().endsWith(".ndjson"),
                    packaged,
                    () -> Files.readAllBytes(file),
                    next(file.toAbsolutePath().getParent()));
        }
    }

    @FunctionalInterface
    interface Body {
        byte[] read() throws IOException;
    }

    /** A file next to a seed file, by its name (a plain file name: SeedIntake checks it has no folder). */
    @FunctionalInterface
    interface Sibling {
        byte[] read(String name) throws IOException;
    }

    private static Sibling next(Path dir) {
        return name -> {
            Path file = dir.resolve(name).normalize();
            if (!dir.equals(file.getParent()) || !Files.isRegularFile(file)) {
                throw new IOException("no file " + name + " next to the seed file in " + dir);
            }
            return Files.readAllBytes(file);
        };
    }

    private SeedFiles() {}

    static List<SeedFile> all(boolean packaged, Optional<Path> dir) {
        List<SeedFile> files = new ArrayList<>(packaged ? packaged() : List.of());
        dir.ifPresent(d -> files.addAll(inFolder(d)));
        return files;
    }

    static List<SeedFile> packaged() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream index = loader.getResourceAsStream(INDEX)) {
            if (index == null) {
                Log.warnf("No %s in the application: no packaged seeds", INDEX);
                return List.of();
            }
            List<String> names;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8))) {
                names = lines.lines()
                        .map(String::strip)
                        .filter(n -> isSeedFile(n))
                        .sorted()
                        .toList();
            }
            Sibling beside = sibling -> {
                try (InputStream in = loader.getResourceAsStream(PACKAGED + sibling)) {
                    if (in == null) {
                        throw new IOException("no file " + sibling + " packaged next to the seed files");
                    }
                    return in.readAllBytes();
                }
            };
            return names.stream()
                    .map(name -> new SeedFile(
                            PACKAGED + name + " (packaged)",
                            name.endsWith(".ndjson"),
                            true,
                            () -> {
                                try (InputStream in = loader.getResourceAsStream(PACKAGED + name)) {
                                    if (in == null) {
                                        throw new IOException("listed in " + INDEX + " but not packaged");
                                    }
                                    return in.readAllBytes();
                                }
                            },
                            beside))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            Log.errorf("%s not readable: %s", INDEX, e.getMessage());
            return List.of();
        }
    }

    static List<SeedFile> inFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            Log.warnf(
                    "No seed folder at %s (hindsight.seed.dir); only the packaged seeds are loaded",
                    dir.toAbsolutePath());
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> isSeedFile(f.getFileName().toString()) && Files.isRegularFile(f))
                    .sorted()
                    .map(f -> SeedFile.at(f, false))
                    .toList();
        } catch (IOException e) {
            Log.errorf("Seed folder %s not readable: %s", dir, e.getMessage());
            return List.of();
        }
    }

    private static boolean isSeedFile(String name) {
        return name.endsWith(".json") || name.endsWith(".ndjson");
    }
}
