package app.hindsight.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * On a fresh start the town hall's source carries its transcript, and every candidate the rules find in it is triaged
 * by the seed file: each is a seeded prediction or dismissed, and the seeded predictions no candidate holds are
 * spans added by hand, so its coverage says fully triaged, by the seeds. Loading the seed file again changes nothing.
 */
@QuarkusTest
class TownHallTriageTest {

    static final String TOWN_HALL = "altman-town-hall-2026-01-27";
    static final String SOURCE = "/api/v1/sources/" + TOWN_HALL;
    static final Path TEXT = Path.of("seeds/altman-town-hall-2026-01-27.zh-Hant.txt");
    static final Set<String> TRACKED = Set.of("FORECAST", "COMMITMENT", "STANCE");

    @Inject
    SeedLoader loader;

    @Test
    void theTownHallIsFullyTriagedOnAFreshStart() throws IOException {
        String text = Files.readString(TEXT, StandardCharsets.UTF_8).replace("\uFEFF", "");
        JsonPath coverage = given().get(SOURCE + "/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(sha256(text), coverage.getString("transcript.sha256"));
        assertEquals(75, coverage.getInt("candidates"), "52 found by the rules and 23 seeded quotes added by hand");
        assertEquals(71, coverage.getInt("accepted"), "74 predictions, three of which share another's quote");
        assertEquals(23, coverage.getInt("manual"));
        assertEquals(4, coverage.getInt("dismissed.total"));
        assertEquals(Map.of("ALREADY_TRACKED", 3, "NOT_A_PREDICTION", 1), coverage.getMap("dismissed.byReason"));
        assertEquals(0, coverage.getInt("pending"));
        assertEquals(0, coverage.getInt("orphaned"));
        assertEquals(true, coverage.getBoolean("fullyTriaged"));
        assertEquals("seed:" + TOWN_HALL + "@5", coverage.getString("triagedBy"));
        given().get(SOURCE + "/transcript")
                .then()
                .statusCode(200)
                .body("text", equalTo(text))
                .body("mediaType", equalTo("text/plain"))
                .body("language", equalTo("zh-Hant"))
                .body("uploadedBy", equalTo("seed:" + TOWN_HALL + "@5"));
    }

    /**
     * Each seeded prediction is linked to the candidate that holds its quote, but for the three that share a quote
     * with another (the closing vision's sentence, read as five statements): the candidate is that one's.
     */
    @Test
    void everySeededPredictionIsACandidateThatHoldsItsQuote() throws IOException {
        Map<String, Map<String, Object>> byPrediction = new HashMap<>();
        for (Map<String, Object> c : candidates("ACCEPTED")) {
            byPrediction.put((String) c.get("prediction"), c);
        }
        Map<String, String> firstWithQuote = new HashMap<>();
        int tracked = 0;
        List<String> sharing = new ArrayList<>();
        for (JsonNode item : new ObjectMapper()
                .readTree(Path.of(SeededPredictionsTest.SEED_FILE).toFile())) {
            if (!item.has("quote")) {
                continue;
            }
            String key = item.get("key").asText();
            String words = item.get("quote").get("text").asText();
            Map<String, Object> c = byPrediction.get(key);
            if (c == null) {
                String sibling = firstWithQuote.get(words);
                assertNotNull(sibling, key + " is linked to no candidate, and shares no quote");
                c = byPrediction.get(sibling);
                sharing.add(key);
            }
            firstWithQuote.putIfAbsent(words, key);
            String quote = (String) ((Map<?, ?>) c.get("quote")).get("text");
            assertTrue(quote.contains(words), key + ": " + quote);
            tracked += TRACKED.contains(item.get("kind").asText()) ? 1 : 0;
        }
        assertEquals(54, tracked, "the seeded forecasts, commitments and stances, each in an accepted candidate");
        assertEquals(71, byPrediction.size());
        assertEquals(
                List.of(
                        "openai-model-100x-context-length",
                        "openai-model-100x-faster",
                        "openai-future-model-100x-cheaper"),
                sharing);
        assertEquals(List.of(), candidates("PENDING"));
        for (Map<String, Object> c : candidates("DISMISSED")) {
            Map<?, ?> dismissal = (Map<?, ?>) c.get("dismissal");
            assertEquals("seed:" + TOWN_HALL + "@5", dismissal.get("by"));
            assertTrue(((String) dismissal.get("note")).startsWith("§"), "a note that says where: " + dismissal);
        }
    }

    @Test
    void loadingTheSeedFileAgainChangesNothing() {
        String candidatesBefore = given().queryParam("limit", 500)
                .get(SOURCE + "/candidates")
                .then()
                .extract()
                .asString();
        String coverageBefore = given().get(SOURCE + "/coverage").asString();
        String etag = given().get(SOURCE + "/transcript").header("ETag");

        SeedFiles.SeedFile packaged = SeedFiles.packaged().stream()
                .filter(f -> f.name().contains(TOWN_HALL))
                .findFirst()
                .orElseThrow();
        SeedResult again = loader.load(packaged);
        assertNotNull(again);
        assertEquals(0, again.created() + again.updated() + again.withdrawn() + again.restored());

        assertEquals(
                candidatesBefore,
                given().queryParam("limit", 500).get(SOURCE + "/candidates").asString());
        assertEquals(coverageBefore, given().get(SOURCE + "/coverage").asString());
        assertEquals(etag, given().get(SOURCE + "/transcript").header("ETag"));
    }

    static List<Map<String, Object>> candidates(String state) {
        return candidates(TOWN_HALL, state);
    }

    /** A source's candidates, of one state or (null) all. */
    static List<Map<String, Object>> candidates(String source, String state) {
        var request = given().queryParam("limit", 500);
        if (state != null) {
            request.queryParam("state", state);
        }
        return request.get("/api/v1/sources/" + source + "/candidates")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
