package app.hindsight.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.hindsight.ExpectedLogs;
import app.hindsight.source.SeedRevision;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A seed file's newer revision reaches a database that holds an older one: what no person touched is brought up to
 * date (UPDATED by seed), what a person changed stays and is reported, what the revision drops is withdrawn, and
 * loading a revision again changes nothing. The loader runs here as it runs on start, on files in a temporary folder.
 */
@QuarkusTest
class SeedRevisionTest {

    @Inject
    SeedLoader loader;

    @TempDir
    Path dir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aNewerRevisionUpdatesWhatNoPersonTouchedKeepsTheirEditsAndReportsThem() throws IOException {
        String source = "rev-src-" + run;
        assertEquals(7, loader.load(revisionOne(source)).created()); // the source and six predictions
        given().get("/api/v1/sources/" + source)
                .then()
                .body("seedRevision", equalTo(1))
                .body("seedConflicts", empty());
        edit(key("edited"), "A person rewrote this.");
        resolve(key("resolved"));
        resolve(key("dropped-resolved"));
        // A person files a prediction of their own under the seeded source: no revision of the seeds touches it.
        Map<String, Object> own = app.hindsight.prediction.TestData.prediction(key("own"));
        own.put("source", source);
        app.hindsight.prediction.TestData.create(own);

        SeedResult result;
        try (ExpectedLogs logs = ExpectedLogs.capture(SeedRevisions.class)) {
            result = loader.load(revisionTwo(source));
            List<String> warnings =
                    logs.messages().stream().filter(m -> m.startsWith("WARN")).toList();
            assertEquals(1, warnings.size(), logs.messages().toString());
            assertTrue(
                    warnings.get(0).contains("Seed revision 2 of " + source + " left 3 prediction(s)")
                            && warnings.get(0).contains(key("edited") + " (changed by the revision, but edited by")
                            && warnings.get(0)
                                    .contains(key("dropped-resolved") + " (dropped by the revision, but "
                                            + "resolved by"),
                    warnings.get(0));
        }

        assertEquals(1, result.created());
        assertEquals(1, result.updated());
        assertEquals(1, result.withdrawn());
        assertEquals(List.of(key("dropped-resolved"), key("edited"), key("resolved")), result.conflicts());

        // Untouched and corrected: one UPDATED event by seed, with the field's old and new value.
        given().get("/api/v1/predictions/" + key("fixed")).then().body("statement", equalTo("Fixed in revision two."));
        JsonPath fixed = history(key("fixed"));
        assertEquals(List.of("CREATED", "UPDATED"), fixed.getList("type"));
        assertEquals("seed", fixed.getString("[1].actor"));
        assertEquals("seed revision 2", fixed.getString("[1].note"));
        assertEquals("Fixed in revision one.", fixed.getString("[1].details.statement.old"));
        assertEquals("Fixed in revision two.", fixed.getString("[1].details.statement.new"));
        // Unchanged by the revision: no event.
        assertEquals(List.of("CREATED"), history(key("kept")).getList("type"));
        // A person's edit and a person's resolution stay.
        given().get("/api/v1/predictions/" + key("edited")).then().body("statement", equalTo("A person rewrote this."));
        given().get("/api/v1/predictions/" + key("resolved"))
                .then()
                .body("status", equalTo("RESOLVED"))
                .body("resolutionCriteria", equalTo("Revision one's criteria."));
        given().get("/api/v1/predictions/" + key("dropped-resolved")).then().body("status", equalTo("RESOLVED"));
        // Dropped and untouched: withdrawn by seed, with a note.
        given().get("/api/v1/predictions/" + key("dropped")).then().body("status", equalTo("WITHDRAWN"));
        JsonPath dropped = history(key("dropped"));
        assertEquals(List.of("CREATED", "WITHDRAWN"), dropped.getList("type"));
        assertEquals("seed", dropped.getString("[1].actor"));
        assertEquals("dropped in seed revision 2", dropped.getString("[1].note"));
        // The person's own prediction under the source: neither withdrawn nor reported.
        given().get("/api/v1/predictions/" + key("own")).then().body("status", equalTo("OPEN"));
        assertEquals(List.of("CREATED"), history(key("own")).getList("type"));
        // New in the revision: created.
        given().get("/api/v1/predictions/" + key("added"))
                .then()
                .statusCode(200)
                .body("source", equalTo(source));
        given().get("/api/v1/sources/" + source)
                .then()
                .body("seedRevision", equalTo(2))
                .body("seedConflicts", contains(key("dropped-resolved"), key("edited"), key("resolved")));
        given().queryParam("limit", 500)
                .get("/api/v1/sources")
                .then()
                .body("items.find { it.key == '" + source + "' }.seedRevision", equalTo(2));

        // The same revision again, then the older one: nothing changes, no event.
        Map<String, Integer> events = eventCounts();
        SeedResult again = loader.load(revisionTwo(source));
        assertEquals(0, again.created() + again.updated() + again.withdrawn() + again.restored());
        try (ExpectedLogs logs = ExpectedLogs.capture(SeedRevisions.class)) {
            SeedResult older = loader.load(revisionOne(source));
            assertEquals(0, older.created() + older.updated() + older.withdrawn() + older.restored());
            assertTrue(
                    logs.messages().stream()
                            .anyMatch(m -> m.contains("revision 1 of " + source + " is older than the revision 2")),
                    logs.messages().toString());
        }
        assertEquals(events, eventCounts());
        given().get("/api/v1/sources/" + source)
                .then()
                .body("seedRevision", equalTo(2))
                .body("seedConflicts", contains(key("dropped-resolved"), key("edited"), key("resolved")));
    }

    @Test
    void aDatabaseSeededBeforeRevisionsWereRecordedTakesItsFilesAsRevisionOne() throws IOException {
        String source = "rev-old-" + run;
        loader.load(revisionOne(source));
        // As a database seeded by an earlier release holds it: the source and its predictions, no revision row.
        QuarkusTransaction.requiringNew().run(() -> SeedRevision.deleteById(source));
        given().get("/api/v1/sources/" + source)
                .then()
                .body("seedRevision", nullValue())
                .body("seedConflicts", empty());

        // Revision one again records it, and changes nothing.
        Map<String, Integer> events = eventCounts();
        SeedResult same = loader.load(revisionOne(source));
        assertEquals(0, same.created() + same.updated() + same.withdrawn());
        assertEquals(events, eventCounts());
        given().get("/api/v1/sources/" + source).then().body("seedRevision", equalTo(1));

        QuarkusTransaction.requiringNew().run(() -> SeedRevision.deleteById(source));
        edit(key("edited"), "Edited before the upgrade.");
        try (ExpectedLogs logs = ExpectedLogs.capture(SeedRevisions.class)) {
            SeedResult upgraded = loader.load(revisionTwo(source));
            assertEquals(2, upgraded.updated()); // fixed, and resolved's criteria: nobody touched them here
            assertEquals(2, upgraded.withdrawn());
            assertEquals(List.of(key("edited")), upgraded.conflicts());
            assertTrue(
                    logs.messages().stream().anyMatch(m -> m.contains("(the database held revision 1)")),
                    logs.messages().toString());
        }
        given().get("/api/v1/predictions/" + key("edited"))
                .then()
                .body("statement", equalTo("Edited before the upgrade."));
        given().get("/api/v1/sources/" + source)
                .then()
                .body("seedRevision", equalTo(2))
                .body("seedConflicts", contains(key("edited")));
    }

    @Test
    void aWithdrawnPredictionABetterRevisionBringsBackIsRestored() throws IOException {
        String source = "rev-back-" + run;
        loader.load(revisionOne(source));
        loader.load(revisionTwo(source));
        given().get("/api/v1/predictions/" + key("dropped")).then().body("status", equalTo("WITHDRAWN"));

        Path three = write(
                "three.json",
                seedFile(source, 3, Map.of("dropped", "Dropped in revision one."))
                        .replace("Criteria.", "Revision one's criteria."));
        SeedResult result = loader.load(three);

        assertEquals(1, result.restored());
        given().get("/api/v1/predictions/" + key("dropped")).then().body("status", equalTo("OPEN"));
        JsonPath history = history(key("dropped"));
        assertEquals(List.of("CREATED", "WITHDRAWN", "RESTORED"), history.getList("type"));
        assertEquals("back in seed revision 3", history.getString("[2].note"));
    }

    @Test
    void twoLoadersAtOnceApplyARevisionOnce() throws Exception {
        String source = "rev-race-" + run;
        Path one = revisionOne(source);
        loader.load(one);
        edit(key("edited"), "Edited before the race.");
        resolve(key("resolved"));
        resolve(key("dropped-resolved"));
        Path two = revisionTwo(source);

        List<SeedResult> results;
        // The loser may collide with the winner and try again; that is logged, and expected here.
        try (ExpectedLogs logs = ExpectedLogs.capture(SeedLoader.class, SeedRevisions.class)) {
            results = together(2, () -> loader.load(two));
        }

        assertEquals(1, results.stream().mapToInt(SeedResult::created).sum(), results.toString());
        assertEquals(1, results.stream().mapToInt(SeedResult::updated).sum(), results.toString());
        assertEquals(1, results.stream().mapToInt(SeedResult::withdrawn).sum(), results.toString());
        assertEquals(List.of("CREATED", "UPDATED"), history(key("fixed")).getList("type"));
        assertEquals(List.of("CREATED", "WITHDRAWN"), history(key("dropped")).getList("type"));
        assertEquals(List.of("CREATED"), history(key("added")).getList("type"));
        given().get("/api/v1/sources/" + source)
                .then()
                .body("seedRevision", equalTo(2))
                .body("seedConflicts", contains(key("dropped-resolved"), key("edited"), key("resolved")));
    }

    @Test
    void twoLoadersAtOnceSeedANewSourceOnce() throws Exception {
        String source = "rev-fresh-" + run;
        Path one = revisionOne(source);

        List<SeedResult> results;
        try (ExpectedLogs logs = ExpectedLogs.capture(SeedLoader.class, SeedRevisions.class)) {
            results = together(2, () -> loader.load(one));
        }

        assertEquals(7, results.stream().mapToInt(SeedResult::created).sum(), results.toString());
        assertEquals(List.of("CREATED"), history(key("kept")).getList("type"));
        given().get("/api/v1/sources/" + source).then().body("seedRevision", equalTo(1));
    }

    /** Runs the same call on n threads released at once; their results. */
    private static <T> List<T> together(int n, java.util.concurrent.Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : calls) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aSourcesRevisionMustBeAWholeNumberOfAtLeastOne() throws IOException {
        String source = "rev-bad-" + run;
        for (String bad : List.of("0", "-1", "1.5", "\"2\"", "true", "99999999999")) {
            Path file = write(
                    "bad.json",
                    "[{\"type\": \"source\", \"key\": \"" + source + "\", \"revision\": " + bad
                            + ", \"title\": \"T\", \"speaker\": \"S\", \"date\": \"2026-01-01\"}]");
            try (ExpectedLogs logs = ExpectedLogs.capture(SeedLoader.class)) {
                assertEquals(null, loader.load(file), bad);
                assertTrue(
                        logs.messages().get(0).contains("field=revision, message=must be an integer of at least 1"),
                        logs.messages().toString());
            }
        }
        given().get("/api/v1/sources/" + source).then().statusCode(404);
    }

    @Test
    void anImportChecksASeedFilesRevisionAndRecordsNone() {
        String source = "rev-import-" + run;
        String item = "{\"type\": \"source\", \"key\": \"" + source
                + "\", \"revision\": %s, \"title\": \"T\", \"speaker\": \"S\", \"date\": \"2026-01-01\"}";
        given().contentType("application/json")
                .body("[" + item.formatted("3") + "]")
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("created", equalTo(1));
        given().get("/api/v1/sources/" + source).then().body("seedRevision", nullValue());
        given().contentType("application/json")
                .body("[" + item.formatted("0") + "]")
                .post("/api/v1/imports")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("revision"));
        // A source created on its own has no revision: the field is unknown there.
        given().contentType("application/json")
                .body("{\"key\": \"" + source + "-own\", \"revision\": 1, \"title\": \"T\", \"speaker\": \"S\", "
                        + "\"date\": \"2026-01-01\"}")
                .post("/api/v1/sources")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("revision"));
    }

    // --- the files: revision one, and revision two that corrects, drops and adds ---------------------------------

    private Path revisionOne(String source) throws IOException {
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("kept", "Kept as it is.");
        statements.put("fixed", "Fixed in revision one.");
        statements.put("edited", "Edited in revision one.");
        statements.put("resolved", "Resolved in revision one.");
        statements.put("dropped", "Dropped in revision one.");
        statements.put("dropped-resolved", "Dropped and resolved in revision one.");
        // No revision: a file without one is revision 1.
        return write("one.json", seedFile(source, null, statements).replace("Criteria.", "Revision one's criteria."));
    }

    private Path revisionTwo(String source) throws IOException {
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("kept", "Kept as it is.");
        statements.put("fixed", "Fixed in revision two.");
        statements.put("edited", "Edited in revision two.");
        statements.put("resolved", "Resolved in revision one.");
        statements.put("added", "Added in revision two.");
        String file = seedFile(source, 2, statements);
        // The resolved prediction's criteria change in revision two; the others keep revision one's.
        return write(
                "two.json",
                file.replace("Criteria.", "Revision one's criteria.")
                        .replace(
                                "\"Resolved in revision one.\", \"resolutionCriteria\": \"Revision one's criteria.\"",
                                "\"Resolved in revision one.\", \"resolutionCriteria\": \"Revision two's criteria.\""));
    }

    private String seedFile(String source, Integer revision, Map<String, String> statements) {
        List<String> items = new ArrayList<>();
        items.add("{\"type\": \"source\", \"key\": \"" + source + "\""
                + (revision == null ? "" : ", \"revision\": " + revision)
                + ", \"title\": \"Revised\", \"speaker\": \"Rev Speaker\", \"date\": \"2026-01-01\"}");
        statements.forEach((name, statement) -> items.add("{\"key\": \"" + key(name) + "\", \"statement\": \""
                + statement + "\", \"resolutionCriteria\": \"Criteria.\", \"kind\": \"FORECAST\", \"source\": \""
                + source
                + "\", \"topics\": [\"revisions\"], \"target\": {\"basis\": \"NONE\"}, \"reviewEvery\": \"P1Y\"}"));
        return "[" + String.join(",\n", items) + "]";
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private String key(String name) {
        return "rev-" + run + "-" + name;
    }

    private static void edit(String key, String statement) {
        String etag = given().get("/api/v1/predictions/" + key).then().extract().header("ETag");
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"statement\": \"" + statement + "\"}")
                .patch("/api/v1/predictions/" + key)
                .then()
                .statusCode(200);
    }

    private static void resolve(String key) {
        given().contentType("application/json")
                .body("{\"outcome\": \"INCORRECT\", \"note\": \"no\"}")
                .post("/api/v1/predictions/" + key + "/resolution")
                .then()
                .statusCode(200);
    }

    private static JsonPath history(String key) {
        return given().get("/api/v1/predictions/" + key + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("items");
    }

    /** Events per prediction of this test's keys. */
    private Map<String, Integer> eventCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String name : List.of("kept", "fixed", "edited", "resolved", "dropped", "dropped-resolved", "added")) {
            var response = given().get("/api/v1/predictions/" + key(name) + "/history");
            counts.put(
                    name,
                    response.statusCode() == 200
                            ? response.jsonPath().getList("items.type").size()
                            : 0);
        }
        return counts;
    }
}
