package app.hindsight.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.hindsight.ExpectedLogs;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A file of the seed folder that claims a newer revision of the town hall, a source packaged in the application, does
 * not rewrite it: its items of that source are skipped with a warning, and no packaged prediction is withdrawn.
 */
@QuarkusTest
class SeedTakeoverTest {

    @Inject
    SeedLoader loader;

    @TempDir
    Path dir;

    /**
     * The town hall's source entry at revision 99 with only its first prediction, so that the revision would drop the
     * other 73; and a source of the folder's own, which loads as ever.
     */
    static Path revisionNinetyNine(Path dir, String ownSource) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode packaged = (ArrayNode)
                json.readTree(Files.readString(Path.of(SeededPredictionsTest.SEED_FILE), StandardCharsets.UTF_8));
        ArrayNode file = json.createArrayNode();
        ((ObjectNode) packaged.get(0)).put("revision", 99);
        file.add(packaged.get(0));
        file.add(packaged.get(1));
        ObjectNode own = json.valueToTree(app.hindsight.prediction.TestData.source(ownSource));
        own.put("type", "source");
        file.add(own);
        // The source entry names its transcript, which is read from beside the file.
        Path text = Path.of(SeededPredictionsTest.SEED_FILE)
                .resolveSibling(packaged.get(0).get("transcript").get("file").asText());
        Files.copy(text, dir.resolve(text.getFileName()));
        Path path = dir.resolve("takeover.json");
        Files.writeString(path, json.writeValueAsString(file), StandardCharsets.UTF_8);
        return path;
    }

    static int openTownHallPredictions() {
        List<Map<String, Object>> items = given().queryParam("source", SeededPredictionsTest.SOURCE)
                .queryParam("status", "OPEN")
                .queryParam("limit", 500)
                .get("/api/v1/predictions")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.size();
    }

    @Test
    void aFolderSeedClaimingRevisionNinetyNineOfTheTownHallChangesNothingOfIt() throws IOException {
        String own = "takeover-own-" + app.hindsight.prediction.TestData.uid();
        Path file = revisionNinetyNine(dir, own);
        int open = openTownHallPredictions();

        SeedResult result;
        try (ExpectedLogs logs = ExpectedLogs.capture(SeedRevisions.class)) {
            result = loader.load(file);
            assertTrue(
                    logs.messages().stream()
                            .anyMatch(m -> m.startsWith("WARN")
                                    && m.contains("1 source(s) and 1 prediction(s) skipped")
                                    && m.contains(SeededPredictionsTest.SOURCE)
                                    && m.contains("hindsight.seed.dir-may-revise-packaged")),
                    logs.messages().toString());
        }

        assertEquals(0, result.withdrawn(), result.toString());
        assertEquals(0, result.updated(), result.toString());
        assertEquals(1, result.created(), "the folder's own source: " + result);
        assertEquals(open, openTownHallPredictions());
        given().get("/api/v1/sources/" + SeededPredictionsTest.SOURCE).then().body("seedRevision", equalTo(5));
        given().get("/api/v1/sources/" + own).then().statusCode(200);
    }
}
