package app.hindsight.cluster;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Seed revisions on PostgreSQL, through the packaged jar, with replicas started at once. The town hall's first
 * edition (revision 1, kept as a test file: src/test/resources/first-edition) is seeded, a person edits one of its
 * predictions and resolves one the second edition drops; then two replicas of the jar, which packages the current
 * edition, start together on that database: one applies the revision, the other finds it applied. A database that
 * holds revision 4 (src/test/resources/revision-4) gets the third edition (revision 5) on its next start.
 */
class SeedRevisionIT {

    static final String SOURCE = "altman-town-hall-2026-01-27";
    static final Path FIRST_EDITION = Path.of("src", "test", "resources", "first-edition");
    static final Path SECOND_EDITION = Path.of("seeds", SOURCE + ".json");
    static final Path REVISION_FOUR = Path.of("src", "test", "resources", "revision-4");
    /** The revision the packaged seed file carries (5 since the third edition). */
    static final int CURRENT = currentRevision();

    static final String EDITED = "ai-redefines-software-engineer-role";
    static final String DROPPED_RESOLVED = "gpt5-writing-slightly-worse-than-gpt45";
    static final String DROPPED = "builder-feedback-is-key-to-openai-vision";

    String database;
    final List<AppProcess> apps = new ArrayList<>();

    @BeforeAll
    static void available() {
        Postgres.assumeAvailable();
    }

    @BeforeEach
    void database() throws Exception {
        database = Postgres.createDatabase("hindsight_it_seeds");
    }

    @AfterEach
    void stop() throws Exception {
        apps.forEach(AppProcess::close);
        Postgres.dropDatabase(database);
    }

    @Test
    void aFirstEditionDatabaseIsUpgradedOnceWhenTwoReplicasStartAtOnce() throws Exception {
        try (AppProcess first = AppProcess.start(
                "seeds-first-edition",
                database,
                Map.of(
                        "HINDSIGHT_SEED_PACKAGED",
                        "false",
                        "HINDSIGHT_SEED_DIR",
                        FIRST_EDITION.toAbsolutePath().toString()))) {
            first.api()
                    .get("/sources/" + SOURCE)
                    .then()
                    .statusCode(200)
                    .body("seedRevision", equalTo(1))
                    .body("seedConflicts", empty());
            assertEquals(75, Postgres.count(database, "select count(*) from prediction where source_key = ?", SOURCE));
            String etag = first.api()
                    .get("/predictions/" + EDITED)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
            first.admin()
                    .contentType("application/merge-patch+json")
                    .header("If-Match", etag)
                    .body("{\"statement\": \"A reviewer's own wording, kept through the upgrade.\"}")
                    .patch("/predictions/" + EDITED)
                    .then()
                    .statusCode(200);
            first.admin()
                    .contentType("application/json")
                    .body("{\"outcome\": \"UNVERIFIABLE\", \"note\": \"the questioner's premise\"}")
                    .post("/predictions/" + DROPPED_RESOLVED + "/resolution")
                    .then()
                    .statusCode(200);
        }

        List<AppProcess> replicas = startTogether("seeds-replica-a", "seeds-replica-b");

        AppProcess b = replicas.get(1);
        b.api()
                .get("/sources/" + SOURCE)
                .then()
                .body("seedRevision", equalTo(CURRENT))
                .body("seedConflicts", contains(EDITED, DROPPED_RESOLVED));
        b.api()
                .get("/predictions/" + EDITED)
                .then()
                .body("statement", equalTo("A reviewer's own wording, kept through the upgrade."));
        b.api().get("/predictions/" + DROPPED_RESOLVED).then().body("status", equalTo("RESOLVED"));
        b.api().get("/predictions/" + DROPPED).then().body("status", equalTo("WITHDRAWN"));

        // Once each, though two replicas loaded the revision: every changed, untouched prediction one UPDATED by
        // seed; the dropped, untouched one withdrawn once; the new one created once.
        Set<String> changed = changedBetween(FIRST_EDITION.resolve(SOURCE + ".json"));
        assertTrue(changed.size() > 60, "the current edition changes most predictions: " + changed.size());
        changed.remove(EDITED);
        assertEquals(
                changed,
                new TreeSet<>(Postgres.strings(
                        database,
                        "select prediction_key from prediction_event where actor = 'seed' and type = 'UPDATED'")),
                "one UPDATED event by seed for each changed prediction nobody touched");
        assertEquals(
                List.of(DROPPED),
                Postgres.strings(database, "select prediction_key from prediction_event where type = 'WITHDRAWN'"));
        assertEquals(
                0,
                Postgres.count(
                        database,
                        "select count(*) from (select prediction_key from prediction_event where type = 'CREATED' "
                                + "group by prediction_key having count(*) > 1) twice"));
        assertEquals(76, Postgres.count(database, "select count(*) from prediction where source_key = ?", SOURCE));

        // One replica applied it, and warned about what it left alone; the other found it applied.
        assertEquals(
                1,
                logged(
                        replicas,
                        "Seed revision " + CURRENT + " of " + SOURCE + " applied (the database held revision 1)"));
        assertEquals(1, logged(replicas, "Seed revision " + CURRENT + " of " + SOURCE + " left 2 prediction(s)"));

        // A restart with the same revision changes nothing.
        long events = Postgres.count(database, "select count(*) from prediction_event");
        b.close();
        apps.add(AppProcess.start("seeds-replica-b-again", database, Map.of()));
        assertEquals(events, Postgres.count(database, "select count(*) from prediction_event"));
    }

    @Test
    void aRevisionFourDatabaseGetsTheThirdEditionOnRestart() throws Exception {
        String edited = "general-models-quickly-close-weak-spots";
        try (AppProcess four = AppProcess.start(
                "seeds-revision-4",
                database,
                Map.of(
                        "HINDSIGHT_SEED_PACKAGED",
                        "false",
                        "HINDSIGHT_SEED_DIR",
                        REVISION_FOUR.toAbsolutePath().toString()))) {
            four.api().get("/sources/" + SOURCE).then().body("seedRevision", equalTo(4));
            String etag = four.api()
                    .get("/predictions/" + edited)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
            four.admin()
                    .contentType("application/merge-patch+json")
                    .header("If-Match", etag)
                    .body("{\"statement\": \"A reviewer's own reading, kept through the upgrade.\"}")
                    .patch("/predictions/" + edited)
                    .then()
                    .statusCode(200);
        }

        AppProcess five = AppProcess.start("seeds-revision-5", database, Map.of());
        apps.add(five);

        five.api()
                .get("/sources/" + SOURCE)
                .then()
                .body("seedRevision", equalTo(CURRENT))
                .body("seedConflicts", contains(edited));
        five.api()
                .get("/predictions/" + edited)
                .then()
                .body("statement", equalTo("A reviewer's own reading, kept through the upgrade."));
        five.api()
                .get("/predictions/openai-one-model-with-the-whole-closing-vision")
                .then()
                .body("status", equalTo("WITHDRAWN"));
        five.api()
                .get("/predictions/ai-can-offer-new-product-building-insights")
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"));
        Set<String> changed = changedBetween(REVISION_FOUR.resolve(SOURCE + ".json"));
        changed.remove(edited);
        assertEquals(
                changed,
                new TreeSet<>(Postgres.strings(
                        database,
                        "select prediction_key from prediction_event where actor = 'seed' and type = 'UPDATED'")),
                "one UPDATED event by seed for each changed prediction nobody touched");
        assertEquals(75, Postgres.count(database, "select count(*) from prediction where source_key = ?", SOURCE));
        five.api()
                .get("/sources/" + SOURCE + "/coverage")
                .then()
                .body("fullyTriaged", equalTo(true))
                .body("pending", equalTo(0));
        assertEquals(
                1,
                logged(
                        List.of(five),
                        "Seed revision " + CURRENT + " of " + SOURCE + " applied (the database held revision 4)"));
    }

    @Test
    void twoReplicasStartingAtOnceOnAnEmptyDatabaseSeedItOnce() throws Exception {
        List<AppProcess> replicas = startTogether("seeds-fresh-a", "seeds-fresh-b");

        assertEquals(74, Postgres.count(database, "select count(*) from prediction where source_key = ?", SOURCE));
        assertEquals(
                74,
                Postgres.count(
                        database,
                        "select count(*) from prediction_event e join prediction p on p.slug = e.prediction_key "
                                + "where p.source_key = ? and e.type = 'CREATED' and e.actor = 'seed'",
                        SOURCE));
        assertEquals(
                74,
                Postgres.count(
                        database,
                        "select count(*) from prediction_event e join prediction p on p.slug = e.prediction_key "
                                + "where p.source_key = ?",
                        SOURCE),
                "no event but CREATED");
        replicas.get(0)
                .api()
                .get("/sources/" + SOURCE)
                .then()
                .body("seedRevision", equalTo(CURRENT))
                .body("seedConflicts", empty());
        assertEquals(
                1,
                logged(replicas, "Seed revision " + CURRENT + " of " + SOURCE + " applied (the database held none)"));
    }

    private List<AppProcess> startTogether(String... names) throws IOException {
        List<AppProcess> started = new ArrayList<>();
        for (String name : names) {
            AppProcess app = AppProcess.launch(name, database, Map.of());
            apps.add(app);
            started.add(app);
        }
        started.forEach(AppProcess::awaitReady);
        return started;
    }

    /** How many lines of these replicas' logs hold the text. */
    private static long logged(List<AppProcess> replicas, String text) throws IOException {
        long lines = 0;
        for (AppProcess app : replicas) {
            lines += Files.readAllLines(app.log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains(text))
                    .count();
        }
        return lines;
    }

    /** Keys in both an older file and the packaged one whose fields differ between them. */
    private static Set<String> changedBetween(Path older) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> first = new HashMap<>();
        json.readTree(older.toFile()).forEach(item -> {
            if (!item.has("type")) {
                first.put(item.get("key").asText(), item);
            }
        });
        Set<String> changed = new TreeSet<>();
        json.readTree(SECOND_EDITION.toFile()).forEach(item -> {
            JsonNode before = first.get(item.path("key").asText());
            if (!item.has("type") && before != null && !before.equals(item)) {
                changed.add(item.get("key").asText());
            }
        });
        return changed;
    }

    private static int currentRevision() {
        try {
            for (JsonNode item : new ObjectMapper().readTree(SECOND_EDITION.toFile())) {
                if (item.has("revision")) {
                    return item.get("revision").asInt();
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("no revision in " + SECOND_EDITION);
    }
}
