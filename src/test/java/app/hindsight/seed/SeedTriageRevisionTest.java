package app.hindsight.seed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.hindsight.ExpectedLogs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A database that holds the town hall at revision 3 (no transcript) gets its transcript and triage from revision 4 on
 * its next start, keeping what a person decided meanwhile; a later revision revises the seeds' own decisions. The
 * town hall's file is loaded here under keys of the test's own (the database's town hall is at revision 4 already).
 */
@QuarkusTest
class SeedTriageRevisionTest {

    static final String DISMISSED_BY_A_PERSON = "§結語與展望 › 呼籲反饋";

    @Inject
    SeedLoader loader;

    @TempDir
    Path dir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String source = "town-hall-" + run;

    @Test
    void revisionThreeWithoutATranscriptUpgradesToFourFullyTriagedBySeeds() throws IOException {
        assertEquals(75, loader.load(townHall(3)).created());
        assertNull(coverage().getString("transcript"), "revision 3 brings no transcript");

        loader.load(townHall(4));
        JsonPath coverage = coverage();
        assertEquals(75, coverage.getInt("candidates"));
        assertEquals(71, coverage.getInt("accepted"));
        assertEquals(23, coverage.getInt("manual"));
        assertEquals(Map.of("ALREADY_TRACKED", 3, "NOT_A_PREDICTION", 1), coverage.getMap("dismissed.byReason"));
        assertEquals(0, coverage.getInt("pending"));
        assertEquals(true, coverage.getBoolean("fullyTriaged"));
        assertEquals("seed:" + source + "@4", coverage.getString("triagedBy"));

        String before = all();
        SeedResult again = loader.load(townHall(4));
        assertEquals(0, again.created() + again.updated() + again.withdrawn() + again.restored());
        assertEquals(before, all(), "a second start changes nothing");
    }

    @Test
    void aPersonsTranscriptAndDecisionsAreKeptAndTheRestIsTriagedBySeeds() throws IOException {
        loader.load(townHall(3));
        // As the walk-through had it before revision 4: a person stores the transcript and decides two candidates.
        given().contentType("text/plain; charset=UTF-8")
                .body(Files.readAllBytes(Path.of(TownHallTriageTest.TEXT.toString())))
                .put(path() + "/transcript")
                .then()
                .statusCode(201);
        long cost = candidate("到2027年底");
        long feedback = candidate("Altman呼籲");
        dismiss(cost, "ALREADY_TRACKED", "a person's note");
        dismiss(feedback, "OTHER", "a person's reading");

        loader.load(townHall(4));
        JsonPath coverage = coverage();
        // The person's dismissals stay; the 2027 forecast, whose candidate the person dismissed, gets a span of its
        // own.
        assertEquals(76, coverage.getInt("candidates"));
        assertEquals(71, coverage.getInt("accepted"));
        assertEquals(24, coverage.getInt("manual"));
        assertEquals(Map.of("ALREADY_TRACKED", 4, "OTHER", 1), coverage.getMap("dismissed.byReason"));
        assertEquals(0, coverage.getInt("pending"));
        assertEquals(true, coverage.getBoolean("fullyTriaged"));
        given().get(path() + "/transcript")
                .then()
                .body("uploadedBy", org.hamcrest.Matchers.not("seed:" + source + "@4"));
        JsonPath person =
                given().get(path() + "/candidates/" + feedback).then().extract().jsonPath();
        assertEquals("OTHER", person.getString("dismissal.reason"));
        assertEquals("a person's reading", person.getString("dismissal.note"));
        assertEquals(DISMISSED_BY_A_PERSON, person.getString("quote.locator"));
        assertEquals("DISMISSED", given().get(path() + "/candidates/" + cost).path("state"));
        assertTrue(
                TownHallTriageTest.candidates(source, "ACCEPTED").stream()
                        .anyMatch(c -> key("gpt5-level-intelligence-100x-cheaper-by-2027")
                                        .equals(c.get("prediction"))
                                && Boolean.TRUE.equals(c.get("manual"))),
                "the 2027 forecast is linked to a span added by hand");
    }

    @Test
    void aLaterRevisionRevisesTheSeedsOwnDismissals() throws IOException {
        loader.load(townHall(4));
        long complacency = candidate("低故障率會產生麻痺大意");
        long value = candidate("不再是親手寫碼");
        long feedback = candidate("Altman呼籲");
        dismiss(feedback, "OTHER", "a person's reading");
        given().delete(path() + "/candidates/" + feedback + "/dismissal").then().statusCode(200);
        dismiss(feedback, "OUT_OF_SCOPE", "a person's second reading");

        ArrayNode five = read(townHall(4));
        ArrayNode triage = (ArrayNode) five.get(0).get("triage");
        ((ObjectNode) five.get(0)).put("revision", 5);
        ((ObjectNode) triage.get(1)).put("dismiss", "DUPLICATE");
        triage.remove(0); // 不再是親手寫碼: no longer dismissed
        triage.remove(2); // the call for feedback, which a person decided: theirs stays either way
        try (ExpectedLogs logs = ExpectedLogs.capture(SeedIntakes.class)) {
            loader.load(write(five, "town-hall-5.json"));
            assertTrue(
                    logs.messages().stream()
                            .anyMatch(m -> m.startsWith("WARN")
                                    && m.contains(
                                            "1 candidate(s) of " + source + " are PENDING after the seeds' triage")),
                    logs.messages().toString());
        }
        JsonPath revised = given().get(path() + "/candidates/" + complacency)
                .then()
                .extract()
                .jsonPath();
        assertEquals("DUPLICATE", revised.getString("dismissal.reason"));
        assertEquals("seed:" + source + "@5", revised.getString("dismissal.by"));
        assertEquals("PENDING", given().get(path() + "/candidates/" + value).path("state"));
        JsonPath person =
                given().get(path() + "/candidates/" + feedback).then().extract().jsonPath();
        assertEquals("OUT_OF_SCOPE", person.getString("dismissal.reason"));
        assertEquals(false, coverage().getBoolean("fullyTriaged"));
    }

    /** The packaged town hall file at a revision, under this run's keys; from 4 on with its transcript beside it. */
    private Path townHall(int revision) throws IOException {
        ArrayNode items = (ArrayNode) new ObjectMapper()
                .readTree(Files.readString(Path.of(SeededPredictionsTest.SEED_FILE), StandardCharsets.UTF_8));
        for (JsonNode item : items) {
            ObjectNode o = (ObjectNode) item;
            if (o.has("type")) {
                o.put("key", source).put("revision", revision);
                if (revision < 4) {
                    o.remove("transcript");
                    o.remove("triage");
                }
            } else {
                o.put("key", key(o.get("key").asText())).put("source", source);
            }
        }
        Path text = TownHallTriageTest.TEXT;
        if (!Files.exists(dir.resolve(text.getFileName()))) {
            Files.copy(text, dir.resolve(text.getFileName()));
        }
        return write(items, "town-hall-" + revision + ".json");
    }

    private Path write(ArrayNode items, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, new ObjectMapper().writeValueAsString(items), StandardCharsets.UTF_8);
        return file;
    }

    private static ArrayNode read(Path file) throws IOException {
        return (ArrayNode) new ObjectMapper().readTree(file.toFile());
    }

    private String key(String seeded) {
        return seeded + "-" + run;
    }

    private String path() {
        return "/api/v1/sources/" + source;
    }

    private JsonPath coverage() {
        return given().get(path() + "/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private String all() {
        return given().queryParam("limit", 500).get(path() + "/candidates").asString()
                + coverage().prettify();
    }

    private long candidate(String words) {
        return TownHallTriageTest.candidates(source, null).stream()
                .filter(c -> ((String) ((Map<?, ?>) c.get("quote")).get("text")).contains(words))
                .map(c -> ((Number) c.get("id")).longValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no candidate holds " + words));
    }

    private void dismiss(long id, String reason, String note) {
        given().contentType("application/json")
                .body(Map.of("reason", reason, "note", note))
                .post(path() + "/candidates/" + id + "/dismiss")
                .then()
                .statusCode(200);
    }
}
