package app.hindsight.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.hindsight.ExpectedLogs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A source entry's {@code transcript} and {@code triage} are checked like every field of an import, each error naming
 * its field; an import records neither, and a seed file whose transcript is not beside it is not loaded.
 */
@QuarkusTest
class SeedIntakeFormatTest {

    @Inject
    SeedLoader loader;

    @TempDir
    Path dir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private String source(String intake) {
        return """
                {"type": "source", "key": "intake-%s", "title": "A talk", "speaker": "Ada", "date": "2026-02-01",
                 "language": "en", %s}""".formatted(run, intake);
    }

    @Test
    void badTranscriptAndTriageFieldsAreNamed() {
        String body = "[" + source("""
                "transcript": {"file": "../etc/passwd", "mediaType": "application/msword"},
                "triage": [{"quote": "We will", "dismiss": "MAYBE"}]""") + "," + source("""
                "triage": [{"quote": "We will", "dismiss": "TOO_VAGUE"}, {"quote": "We will", "dismiss": "OTHER"}],
                "transcript": {"file": "talk.txt", "colour": "red"}""").replace("intake-", "intake-b-") + "]";
        given().contentType(ContentType.JSON)
                .queryParam("dryRun", "true")
                .body(body)
                .post("/api/v1/imports")
                .then()
                .statusCode(422)
                .body("type", equalTo("/problems/invalid-import"))
                .body("errors.index", contains(0, 1))
                .body("errors[0].field", equalTo("triage[0].dismiss"))
                .body("errors[1].field", equalTo("transcript.colour"))
                .body("errors[1].message", containsString("unknown field"));

        String wrong = "[" + source("""
                "transcript": {"file": "../talk.txt", "mediaType": "application/msword"},
                "triage": [{"quote": "We will", "dismiss": "TOO_VAGUE"}, {"quote": "We will", "dismiss": "OTHER"}]""") + "]";
        given().contentType(ContentType.JSON)
                .queryParam("dryRun", "true")
                .body(wrong)
                .post("/api/v1/imports")
                .then()
                .statusCode(422)
                .body("errors.field", contains("transcript.file", "transcript.mediaType", "triage[1].quote"))
                .body("errors[1].message", containsString("text/plain"));
    }

    @Test
    void anImportChecksTheIntakeAndRecordsNone() {
        given().contentType(ContentType.JSON)
                .body("[" + source("""
                        "transcript": {"file": "talk.txt"}, "triage": [{"quote": "We will", "dismiss": "OTHER"}]""") + "]")
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("created", equalTo(1));
        given().get("/api/v1/sources/intake-" + run + "/transcript").then().statusCode(404);
    }

    @Test
    void aSeedFileWhoseTranscriptIsNotBesideItIsNotLoaded() throws IOException {
        Path file = dir.resolve("talk.json");
        Files.writeString(file, "[" + source("\"transcript\": {\"file\": \"talk.txt\"}") + "]", StandardCharsets.UTF_8);
        try (ExpectedLogs logs = ExpectedLogs.capture(SeedLoader.class)) {
            assertNull(loader.load(file));
            assertTrue(
                    logs.messages().stream()
                            .anyMatch(m -> m.startsWith("ERROR")
                                    && m.contains("transcript.file")
                                    && m.contains("no file talk.txt next to the seed file")),
                    logs.messages().toString());
        }
        given().get("/api/v1/sources/intake-" + run).then().statusCode(404);

        Files.writeString(
                dir.resolve("talk.txt"), "We will ship it by 2030.\n\nToday it rains.", StandardCharsets.UTF_8);
        loader.load(file);
        given().get("/api/v1/sources/intake-" + run + "/coverage")
                .then()
                .statusCode(200)
                .body("candidates", equalTo(1))
                .body("pending", equalTo(1))
                .body("fullyTriaged", equalTo(false));
    }
}
