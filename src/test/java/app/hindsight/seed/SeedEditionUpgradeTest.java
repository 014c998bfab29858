package app.hindsight.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
 * The town hall's third edition (revision 5) reaches a database that holds revision 4 (kept as a test file:
 * src/test/resources/revision-4): every prediction it corrects that no person touched is updated by seed, the one a
 * person edited is left as they left it and reported, the closing vision's conjunction it drops is withdrawn, the
 * belief it adds is created and triaged, and the town hall stays fully triaged. Both files are loaded under keys of
 * the test's own (the database's town hall is at the current revision already).
 */
@QuarkusTest
class SeedEditionUpgradeTest {

    static final Path REVISION_FOUR = Path.of("src/test/resources/revision-4/altman-town-hall-2026-01-27.json");
    static final Path CURRENT = Path.of(SeededPredictionsTest.SEED_FILE);

    /** The MAJOR item of the review, which a reviewer had already rewritten by hand. */
    static final String EDITED = "general-models-quickly-close-weak-spots";

    static final String DROPPED = "openai-one-model-with-the-whole-closing-vision";
    static final String ADDED = "ai-can-offer-new-product-building-insights";

    @Inject
    SeedLoader loader;

    @TempDir
    Path dir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String source = "town-hall-" + run;

    @Test
    void aDatabaseHoldingRevisionFourGetsTheThirdEditionWhereNoPersonTouchedIt() throws IOException {
        assertEquals(75, loader.load(townHall(REVISION_FOUR, "four.json")).created());
        edit(key(EDITED), "A reviewer's own reading of the weak-spots forecast.");
        String closing = key("openai-model-100x-faster");
        LocalDate yearly = LocalDate.parse(prediction(closing).getString("nextReviewOn"));

        SeedResult result;
        try (ExpectedLogs logs = ExpectedLogs.capture(SeedRevisions.class)) {
            result = loader.load(townHall(CURRENT, "five.json"));
            assertTrue(
                    logs.messages().stream()
                            .anyMatch(m -> m.startsWith("WARN")
                                    && m.contains("Seed revision 5 of " + source + " left 1 prediction(s)")
                                    && m.contains(key(EDITED) + " (changed by the revision, but edited by")),
                    logs.messages().toString());
        }

        TreeSet<String> changed = changedBetween(REVISION_FOUR, CURRENT);
        assertTrue(changed.size() > 60, "the third edition corrects most predictions: " + changed);
        changed.remove(EDITED);
        assertEquals(changed.size(), result.updated(), result.toString());
        assertEquals(1, result.created(), result.toString());
        assertEquals(1, result.withdrawn(), result.toString());
        assertEquals(List.of(key(EDITED)), result.conflicts());
        given().get("/api/v1/sources/" + source)
                .then()
                .body("seedRevision", equalTo(5))
                .body("seedConflicts", contains(key(EDITED)));

        // Untouched and corrected: one UPDATED by seed each, with the revision's note.
        for (String seeded : changed) {
            JsonPath history = history(key(seeded));
            assertEquals(List.of("CREATED", "UPDATED"), history.getList("type"), seeded);
            assertEquals("seed", history.getString("[1].actor"), seeded);
            assertEquals("seed revision 5", history.getString("[1].note"), seeded);
        }
        given().get("/api/v1/predictions/" + key("gdp-share-from-directed-software-rises"))
                .then()
                .body("resolutionCriteria", containsString("Defer while the proxies"));
        given().get("/api/v1/predictions/" + key("users-need-diverse-multi-agent-interfaces"))
                .then()
                .body("kind", equalTo("CLAIM"));
        given().get("/api/v1/predictions/" + key("cost-and-speed-in-tension"))
                .then()
                .body("kind", equalTo("FORECAST"));
        // The closing vision is reviewed every six months now, counted from the upgrade.
        JsonPath faster = prediction(closing);
        assertEquals("P6M", faster.getString("reviewEvery"));
        assertTrue(LocalDate.parse(faster.getString("nextReviewOn")).isBefore(yearly), faster.prettify());

        // The person's edit stays whole: their statement, and revision 4's criteria under it.
        given().get("/api/v1/predictions/" + key(EDITED))
                .then()
                .body("statement", equalTo("A reviewer's own reading of the weak-spots forecast."))
                .body("resolutionCriteria", containsString("two successive flagship releases"));
        // Dropped and untouched: withdrawn by seed. Added: created by seed.
        JsonPath dropped = history(key(DROPPED));
        assertEquals(List.of("CREATED", "WITHDRAWN"), dropped.getList("type"));
        assertEquals("dropped in seed revision 5", dropped.getString("[1].note"));
        JsonPath added = history(key(ADDED));
        assertEquals(List.of("CREATED"), added.getList("type"));
        assertEquals("seed", added.getString("[0].actor"));
        given().get("/api/v1/predictions/" + key(ADDED)).then().body("status", equalTo("OPEN"));

        // Still fully triaged: the added belief is a span added by hand, as on a fresh start.
        JsonPath coverage = given().get("/api/v1/sources/" + source + "/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(75, coverage.getInt("candidates"));
        assertEquals(71, coverage.getInt("accepted"));
        assertEquals(23, coverage.getInt("manual"));
        assertEquals(0, coverage.getInt("pending"));
        assertEquals(true, coverage.getBoolean("fullyTriaged"));
        assertTrue(
                TownHallTriageTest.candidates(source, "ACCEPTED").stream()
                        .anyMatch(c -> key(ADDED).equals(c.get("prediction")) && Boolean.TRUE.equals(c.get("manual"))),
                "the added belief is linked to a span added by hand");

        // A restart with revision 5 again changes nothing.
        Map<String, Integer> events = eventCounts(changed);
        SeedResult again = loader.load(townHall(CURRENT, "five-again.json"));
        assertEquals(0, again.created() + again.updated() + again.withdrawn() + again.restored(), again.toString());
        assertEquals(events, eventCounts(changed));
    }

    /** The file under this run's keys, with its transcript beside it. */
    private Path townHall(Path file, String name) throws IOException {
        ArrayNode items = (ArrayNode) new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        for (JsonNode item : items) {
            ObjectNode o = (ObjectNode) item;
            if (o.has("type")) {
                o.put("key", source);
            } else {
                o.put("key", key(o.get("key").asText())).put("source", source);
            }
        }
        Path text = TownHallTriageTest.TEXT;
        if (!Files.exists(dir.resolve(text.getFileName()))) {
            Files.copy(text, dir.resolve(text.getFileName()));
        }
        Path path = dir.resolve(name);
        Files.writeString(path, new ObjectMapper().writeValueAsString(items), StandardCharsets.UTF_8);
        return path;
    }

    /** Keys in both files whose fields differ between them. */
    static TreeSet<String> changedBetween(Path older, Path newer) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> before = new LinkedHashMap<>();
        json.readTree(older.toFile()).forEach(item -> {
            if (!item.has("type")) {
                before.put(item.get("key").asText(), item);
            }
        });
        TreeSet<String> changed = new TreeSet<>();
        json.readTree(newer.toFile()).forEach(item -> {
            JsonNode was = before.get(item.path("key").asText());
            if (!item.has("type") && was != null && !was.equals(item)) {
                changed.add(item.get("key").asText());
            }
        });
        return changed;
    }

    private String key(String seeded) {
        return seeded + "-" + run;
    }

    private static JsonPath prediction(String key) {
        return given().get("/api/v1/predictions/" + key)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
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

    private static JsonPath history(String key) {
        return given().get("/api/v1/predictions/" + key + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("items");
    }

    private Map<String, Integer> eventCounts(TreeSet<String> keys) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String seeded : keys) {
            counts.put(seeded, history(key(seeded)).getList("type").size());
        }
        counts.put(EDITED, history(key(EDITED)).getList("type").size());
        counts.put(DROPPED, history(key(DROPPED)).getList("type").size());
        return counts;
    }
}
