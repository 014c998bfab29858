package app.hindsight.seed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A seed revision that rewrites a prediction people have forecast on is an amendment, with the revision's note as
 * its reason; one that rewrites a prediction nobody forecast on or reviewed stays a plain UPDATED; and once a
 * revision has changed a prediction, a person's later change to its statement needs a reason too.
 */
@QuarkusTest
class SeedAmendmentTest {

    @Inject
    SeedLoader loader;

    @TempDir
    Path dir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aRevisionOfAForecastPredictionIsAnAmendmentWithTheRevisionAsReason() throws IOException {
        String source = "amend-src-" + run;
        loader.load(write("one.json", file(source, 1, "One.")));
        given().contentType("application/json")
                .body(Map.of("probability", 0.4))
                .post("/api/v1/predictions/{key}/forecasts", key("forecast"))
                .then()
                .statusCode(201);

        assertEquals(2, loader.load(write("two.json", file(source, 2, "Two."))).updated());

        JsonPath forecast = history(key("forecast"));
        assertEquals(List.of("CREATED", "AMENDED"), forecast.getList("items.type"));
        assertEquals("seed revision 2", forecast.getString("items[1].note"));
        assertEquals("Forecast in revision One.", forecast.getString("items[1].details.statement.old"));
        JsonPath plain = history(key("plain"));
        assertEquals(List.of("CREATED", "UPDATED"), plain.getList("items.type"));
        given().get("/api/v1/predictions/{key}/forecasts", key("forecast"))
                .then()
                .body("items[0].onVersion", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].amendedSince", org.hamcrest.Matchers.equalTo(true));

        // The revision put "plain" on the record: a person's rewrite now needs a reason.
        String etag = given().get("/api/v1/predictions/{key}", key("plain")).header("ETag");
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"statement\": \"A person rewrote this.\"}")
                .patch("/api/v1/predictions/{key}", key("plain"))
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("amendment"));
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .header("Hindsight-Amendment", "Reworded%20for%20clarity")
                .body("{\"statement\": \"A person rewrote this.\"}")
                .patch("/api/v1/predictions/{key}", key("plain"))
                .then()
                .statusCode(200);
        assertEquals(
                List.of("CREATED", "UPDATED", "AMENDED"), history(key("plain")).getList("items.type"));
    }

    private String file(String source, int revision, String suffix) {
        String prediction = "{\"key\": \"%s\", \"statement\": \"%s in revision %s\", \"kind\": \"FORECAST\", "
                + "\"source\": \"" + source + "\", \"topics\": [\"revisions\"], \"target\": {\"basis\": \"NONE\"}, "
                + "\"reviewEvery\": \"P1Y\"}";
        return "[{\"type\": \"source\", \"key\": \"" + source + "\", \"revision\": " + revision
                + ", \"title\": \"Amended\", \"speaker\": \"Rev Speaker\", \"date\": \"2026-01-01\"},\n"
                + prediction.formatted(key("forecast"), "Forecast", suffix) + ",\n"
                + prediction.formatted(key("plain"), "Plain", suffix) + "]";
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private String key(String name) {
        return "amend-" + run + "-" + name;
    }

    private static JsonPath history(String key) {
        return given().get("/api/v1/predictions/{key}/history", key)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
