package app.hindsight.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.hindsight.seed.SeedFiles.SeedFile;

/** The seed files travel in the jar; a folder of one's own comes after them. Plain JUnit, on the built classes. */
class SeedFilesTest {

    @Test
    void everySeedFileOfTheRepositoryIsPackagedAndListed() throws IOException {
        List<String> inRepository;
        try (Stream<Path> files = Files.list(Path.of("seeds"))) {
            inRepository = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".json") || n.endsWith(".ndjson"))
                    .sorted()
                    .toList();
        }
        List<SeedFile> packaged = SeedFiles.packaged();
        assertEquals(
                inRepository.stream().map(n -> "seeds/" + n + " (packaged)").toList(),
                packaged.stream().map(SeedFile::name).toList());
        for (SeedFile file : packaged) {
            String name = file.name().substring("seeds/".length(), file.name().length() - " (packaged)".length());
            assertArrayEquals(
                    Files.readAllBytes(Path.of("seeds", name)), file.body().read(), name);
        }
    }

    @Test
    void aFolderOfOnesOwnIsAddedAfterThePackagedSeedsInNameOrder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.ndjson"), "{}\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("a.json"), "[]", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("notes.txt"), "not a seed file", StandardCharsets.UTF_8);
        Files.createDirectory(dir.resolve("c.json"));

        List<SeedFile> files = SeedFiles.all(true, Optional.of(dir));

        int packaged = SeedFiles.packaged().size();
        assertEquals(packaged + 2, files.size(), files.toString());
        assertEquals(dir.resolve("a.json").toString(), files.get(packaged).name());
        assertEquals(dir.resolve("b.ndjson").toString(), files.get(packaged + 1).name());
        assertEquals(true, files.get(packaged + 1).ndjson());
        assertEquals("[]", new String(files.get(packaged).body().read(), StandardCharsets.UTF_8));
    }

    @Test
    void withThePackagedSeedsOffOnlyTheFolderLoads(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("own.json"), "[]", StandardCharsets.UTF_8);

        assertEquals(
                List.of(dir.resolve("own.json").toString()),
                SeedFiles.all(false, Optional.of(dir)).stream()
                        .map(SeedFile::name)
                        .toList());
        assertEquals(List.of(), SeedFiles.all(false, Optional.empty()));
    }

    @Test
    void withoutAFolderOnlyThePackagedSeedsLoad() {
        assertEquals(
                SeedFiles.packaged().stream().map(SeedFile::name).toList(),
                SeedFiles.all(true, Optional.empty()).stream()
                        .map(SeedFile::name)
                        .toList());
    }
}
