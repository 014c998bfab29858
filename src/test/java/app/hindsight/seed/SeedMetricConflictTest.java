package app.hindsight.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.hindsight.ExpectedLogs;
import app.hindsight.TestClock;
import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A seed revision cannot make a metric LOG while an observation of it is below 0: recording an observation is a
 * person's touch, which a revision leaves alone and reports (see SeedPlanner).
 */
@QuarkusTest
class SeedMetricConflictTest {

    @Inject
    SeedLoader loader;

    @TempDir
    Path dir;

    @Test
    void aRevisionToLogIsNotLoadedWhileAnObservationIsBelowZero() throws IOException {
        TestClock.install(Instant.parse("2026-11-29T12:00:00Z"));
        String source = "seed-scale-" + TestData.uid();
        String key = source + "-incidents";
        assertEquals(2, loader.load(file(source, key, 1, "LINEAR")).created());
        given().contentType("application/json")
                .body(Map.of("on", "2026-05-01", "value", -3))
                .post("/api/v1/predictions/{key}/observations", key)
                .then()
                .statusCode(201);

        // An observation is a person's touch: the revision leaves the prediction as it is and reports it.
        SeedResult revised;
        try (ExpectedLogs logs = ExpectedLogs.capture(SeedRevisions.class)) {
            revised = loader.load(file(source, key, 2, "LOG"));
        }
        assertEquals(List.of(key), revised.conflicts());
        TestData.predictions().get("{key}", key).then().body("metric.scale", equalTo("LINEAR"));
        given().get("/api/v1/predictions/{key}/trajectory", key).then().statusCode(200);
    }

    private Path file(String source, String key, int revision, String scale) throws IOException {
        String json = "[{\"type\": \"source\", \"key\": \"" + source + "\", \"revision\": " + revision
                + ", \"title\": \"Scales\", \"speaker\": \"Scale Speaker\", \"date\": \"2026-01-27\"},"
                + "{\"key\": \"" + key + "\", \"statement\": \"Incidents fall to one a year.\", "
                + "\"resolutionCriteria\": \"Criteria.\", \"kind\": \"FORECAST\", \"source\": \"" + source + "\", "
                + "\"topics\": [\"scales\"], \"target\": {\"basis\": \"NONE\"}, \"reviewEvery\": \"P1Y\", "
                + "\"metric\": {\"name\": \"incidents\", \"baseline\": {\"value\": 10, \"on\": \"2026-01-27\"}, "
                + "\"target\": 1, \"direction\": \"DECREASE\", \"scale\": \"" + scale + "\"}}]";
        Path path = dir.resolve("scales-" + revision + ".json");
        Files.writeString(path, json, StandardCharsets.UTF_8);
        return path;
    }
}
