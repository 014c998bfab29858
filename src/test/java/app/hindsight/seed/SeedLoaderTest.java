package app.hindsight.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.hindsight.ExpectedLogs;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Seeds are create-if-absent. A restart runs {@link SeedLoader#loadAll()} again; these tests call the same
 * code the start-up hook does, after a user has changed seeded predictions.
 */
@QuarkusTest
class SeedLoaderTest {

    @Inject
    SeedLoader loader;

    @Test
    void loadingTheShippedSeedsAgainCreatesNothing() {
        int before = count();
        Path packaged = Path.of(SeededPredictionsTest.SEED_FILE);
        SeedResult again = loader.load(SeedFiles.SeedFile.at(packaged, true));
        assertNotNull(again);
        assertEquals(0, again.created());
        assertEquals(0, again.updated());
        assertEquals(before, count());
    }

    @Test
    void seededPredictionIsNeverOverwritten() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path file = seedFile(run);
        assertEquals(5, loader.load(file).created()); // the source and four predictions

        String edited = "seed-" + run + "-edited";
        String resolved = "seed-" + run + "-resolved";
        String withdrawn = "seed-" + run + "-withdrawn";
        String deleted = "seed-" + run + "-deleted";
        String etag =
                given().get("/api/v1/predictions/" + edited).then().extract().header("ETag");
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"statement\": \"A user rewrote this.\"}")
                .patch("/api/v1/predictions/" + edited)
                .then()
                .statusCode(200);
        given().contentType("application/json")
                .body("{\"outcome\": \"INCORRECT\", \"note\": \"no\"}")
                .post("/api/v1/predictions/" + resolved + "/resolution")
                .then()
                .statusCode(200);
        given().contentType("application/json")
                .body("{}")
                .post("/api/v1/predictions/" + withdrawn + "/withdrawal")
                .then()
                .statusCode(200);
        given().delete("/api/v1/predictions/" + deleted).then().statusCode(204);

        SeedResult restart = loader.load(file);

        assertEquals(0, restart.created());
        assertEquals(0, restart.updated());
        assertEquals(5, restart.unchanged());
        given().get("/api/v1/predictions/" + edited).then().body("statement", equalTo("A user rewrote this."));
        given().get("/api/v1/predictions/" + resolved).then().body("status", equalTo("RESOLVED"));
        given().get("/api/v1/predictions/" + withdrawn).then().body("status", equalTo("WITHDRAWN"));
        given().get("/api/v1/predictions/" + deleted).then().statusCode(404);
        given().queryParam("source", "seed-src-" + run)
                .get("/api/v1/predictions")
                .then()
                .body("items.size()", equalTo(3));
    }

    @Test
    void anInvalidSeedFileIsSkippedWhole() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.createTempFile("seed", ".ndjson");
        Files.writeString(file, """
                {"key": "seed-%s-good", "statement": "Fine.", "kind": "CLAIM", "speaker": "S", "madeOn": "2026-01-01", "target": {"basis": "NONE"}, "reviewEvery": "P1Y"}
                {"key": "seed-%s-bad", "statement": "Bad.", "kind": "GUESS", "speaker": "S", "madeOn": "2026-01-01", "target": {"basis": "NONE"}, "reviewEvery": "P1Y"}
                """.formatted(run, run), StandardCharsets.UTF_8);
        try (ExpectedLogs logs = ExpectedLogs.capture(SeedLoader.class)) {
            assertNull(loader.load(file));
            assertEquals(1, logs.messages().size(), logs.messages().toString());
            assertTrue(
                    logs.messages().get(0).startsWith("ERROR Seed file " + file + " not loaded"),
                    logs.messages().toString());
            assertTrue(logs.messages().get(0).contains("kind"), logs.messages().toString());
        }
        given().get("/api/v1/predictions/seed-" + run + "-good").then().statusCode(404);
    }

    @Test
    void aSeedPredictionMustNameItsKey() throws IOException {
        // Seeds load on every start: without a key, each start would create the prediction again.
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.createTempFile("seed", ".ndjson");
        Files.writeString(file, """
                {"key": "seed-%s-keyed", "statement": "Keyed.", "kind": "CLAIM", "speaker": "S", "madeOn": "2026-01-01", "target": {"basis": "NONE"}, "reviewEvery": "P1Y"}
                {"statement": "Seeded %s without a key.", "kind": "CLAIM", "speaker": "S", "madeOn": "2026-01-01", "target": {"basis": "NONE"}, "reviewEvery": "P1Y"}
                """.formatted(run, run), StandardCharsets.UTF_8);
        try (ExpectedLogs logs = ExpectedLogs.capture(SeedLoader.class)) {
            assertNull(loader.load(file));
            assertEquals(1, logs.messages().size(), logs.messages().toString());
            assertTrue(
                    logs.messages().get(0).startsWith("ERROR Seed file " + file + " not loaded"),
                    logs.messages().toString());
            assertTrue(
                    logs.messages().get(0).contains("index=1, field=key"),
                    logs.messages().toString());
        }
        given().get("/api/v1/predictions/seed-" + run + "-keyed").then().statusCode(404);
    }

    private static int count() {
        return given().accept("application/x-ndjson")
                .get("/api/v1/predictions")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .toList()
                .size();
    }

    private static Path seedFile(String run) throws IOException {
        StringBuilder json = new StringBuilder("[{\"type\": \"source\", \"key\": \"seed-src-%1$s\", \"title\": \"T\", "
                + "\"speaker\": \"Seed Speaker\", \"date\": \"2026-01-01\"}");
        for (String name : new String[] {"edited", "resolved", "withdrawn", "deleted"}) {
            json.append(", {\"key\": \"seed-%1$s-")
                    .append(name)
                    .append("\", \"statement\": \"Seeded ")
                    .append(name)
                    .append(
                            ".\", \"kind\": \"FORECAST\", \"source\": \"seed-src-%1$s\", "
                                    + "\"target\": {\"date\": \"2030-12-31\", \"precision\": \"YEAR\", \"basis\": \"EXPLICIT\"}}");
        }
        Path file = Files.createTempFile("seed", ".json");
        Files.writeString(file, json.append("]").toString().formatted(run), StandardCharsets.UTF_8);
        return file;
    }
}
