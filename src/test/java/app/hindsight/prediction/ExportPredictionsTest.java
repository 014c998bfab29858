package app.hindsight.prediction;

import static app.hindsight.prediction.ListPredictionsTest.topic;
import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.create;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.prediction;
import static app.hindsight.prediction.TestData.resolve;
import static app.hindsight.prediction.TestData.uid;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.quarkus.test.common.http.TestHTTPEndpoint;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@TestHTTPEndpoint(PredictionResource.class)
class ExportPredictionsTest {

    private static final String CSV = "text/csv";
    private static final String NDJSON = "application/x-ndjson";
    private static final String HEADER = "key,statement,kind,status,speaker,source,madeOn,topics,targetDate,"
            + "targetPrecision,targetBasis,targetLabel,reviewEvery,dueAt,nextReviewOn,quoteText,quoteLang,"
            + "quoteLocator,resolutionCriteria,outcome,voidReason,resolvedOn,knownOn";

    @TestHTTPResource("") // relative to @TestHTTPEndpoint: /api/v1/predictions
    URL predictionsUrl;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void csvHasAHeaderRowAndOneRowPerMatch() {
        String topic = topic();
        Map<String, Object> body = prediction(key("csv"));
        body.put("statement", "Costs will fall tenfold by 2030.");
        body.put("topics", List.of("aaa-cost", topic));
        body.put("quote", Map.of("text", "ten times cheaper", "lang", "en", "locator", "§2"));
        String key = create(body);
        String resolved = create(tagged(topic, key("csv-resolved")));
        resolve(resolved);

        String csv = given().accept(CSV)
                .queryParam("topic", topic)
                .get()
                .then()
                .statusCode(200)
                .contentType(startsWith(CSV))
                .extract()
                .asString();

        List<Map<String, String>> rows = parseCsv(csv);
        assertEquals(HEADER, csv.lines().findFirst().orElseThrow());
        assertEquals(2, rows.size(), csv);
        Map<String, String> row = rows.get(0);
        assertEquals(key, row.get("key"));
        assertEquals("Costs will fall tenfold by 2030.", row.get("statement"));
        assertEquals("FORECAST", row.get("kind"));
        assertEquals("OPEN", row.get("status"));
        assertEquals("Test Speaker", row.get("speaker"));
        assertEquals("2026-01-27", row.get("madeOn"));
        assertEquals("aaa-cost;" + topic, row.get("topics"));
        assertEquals("2030-12-31", row.get("targetDate"));
        assertEquals("YEAR", row.get("targetPrecision"));
        assertEquals("EXPLICIT", row.get("targetBasis"));
        assertEquals("2031-01-01T00:00:00Z", row.get("dueAt"));
        assertEquals("2031-01-01", row.get("nextReviewOn"));
        assertEquals("ten times cheaper", row.get("quoteText"));
        assertEquals("§2", row.get("quoteLocator"));
        assertEquals("", row.get("outcome"));

        Map<String, String> second = rows.get(1);
        assertEquals(resolved, second.get("key"));
        assertEquals("RESOLVED", second.get("status"));
        assertEquals("CORRECT", second.get("outcome"));
        assertEquals("", second.get("voidReason"));
        assertEquals(second.get("resolvedOn"), second.get("knownOn"), "knownOn defaults to the resolution day");
    }

    @Test
    void csvQuotesCellsWithCommasAndQuotes() {
        String topic = topic();
        Map<String, Object> body = tagged(topic, key("csv-quoted"));
        body.put("statement", "Prices, says \"he\", will fall by 2030.");
        create(body);

        String csv = given().accept(CSV)
                .queryParam("topic", topic)
                .get()
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertTrue(csv.contains("\"Prices, says \"\"he\"\", will fall by 2030.\""), csv);
        assertEquals(
                "Prices, says \"he\", will fall by 2030.", parseCsv(csv).get(0).get("statement"));
    }

    @Test
    void csvNeutralisesFormulasAndControlCharacters() {
        String topic = topic();
        Map<String, Object> body = tagged(topic, key("csv-formula"));
        body.put("statement", "=HYPERLINK(\"http://evil.example\",\"click\") by 2030");
        body.put("speaker", "+Speaker");
        body.put("quote", Map.of("text", "-2+3", "locator", "@SUM(A1)"));
        // Other control characters never get this far: the API refuses them (TextRefusalTest); CsvWriterTest has them.
        body.put("resolutionCriteria", "\tTabbed criteria");
        body.put("target", TestData.target("2030-12-31", "YEAR", "INFERRED", "=cmd|' /C calc'!A0"));
        create(body);

        String csv = given().accept(CSV)
                .queryParam("topic", topic)
                .get()
                .then()
                .statusCode(200)
                .extract()
                .asString();

        Map<String, String> row = parseCsv(csv).get(0);
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"click\") by 2030", row.get("statement"));
        assertEquals("'+Speaker", row.get("speaker"));
        assertEquals("'-2+3", row.get("quoteText"));
        assertEquals("'@SUM(A1)", row.get("quoteLocator"));
        assertEquals("'\tTabbed criteria", row.get("resolutionCriteria"));
        assertEquals("'=cmd|' /C calc'!A0", row.get("targetLabel"));
        for (char c : csv.toCharArray()) {
            assertTrue(
                    c >= 0x20 && c != 0x7F && (c < 0x80 || c > 0x9F) || c == '\t' || c == '\r' || c == '\n',
                    "control character " + (int) c + " in " + csv);
        }
        // What the API returns is the stored text, unchanged: only the CSV cell is neutralised.
        given().queryParam("topic", topic).get().then().body("items[0].speaker", equalTo("+Speaker"));
    }

    @Test
    void csvOfNoMatchesIsJustTheHeader() {
        String csv = given().accept(CSV)
                .queryParam("topic", topic())
                .get()
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(List.of(HEADER), csv.lines().toList());
    }

    @Test
    void ndjsonIsOneJsonDocumentPerLine() throws IOException {
        String topic = topic();
        String a = create(tagged(topic, key("nd-a")));
        String b = create(tagged(topic, key("nd-b")));

        String body = given().accept(NDJSON)
                .queryParam("topic", topic)
                .get()
                .then()
                .statusCode(200)
                .contentType(startsWith(NDJSON))
                .extract()
                .asString();

        List<String> lines = body.lines().toList();
        assertEquals(2, lines.size(), body);
        JsonNode first = json.readTree(lines.get(0));
        assertEquals(a, first.path("key").asText());
        assertEquals("OPEN", first.path("status").asText());
        assertEquals("2030-12-31", first.path("target").path("date").asText());
        assertEquals(b, json.readTree(lines.get(1)).path("key").asText());
    }

    @Test
    void exportStreamsEveryMatchBeyondTheListPageLimit() throws Exception {
        // More than one export batch (500) and more than the largest list page (500).
        String speaker = "Bulk Speaker " + uid();
        int count = 510;
        createMany(speaker, count);

        String csv = given().accept(CSV)
                .queryParam("speaker", speaker)
                .get()
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(HEADER, csv.lines().findFirst().orElseThrow());
        List<Map<String, String>> rows = parseCsv(csv);
        assertEquals(count, rows.size());
        Set<String> keys = new HashSet<>();
        rows.forEach(r -> keys.add(r.get("key")));
        assertEquals(count, keys.size(), "every prediction exactly once");

        String ndjson = given().accept(NDJSON)
                .queryParam("speaker", speaker)
                .get()
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> lines = ndjson.lines().toList();
        assertEquals(count, lines.size());
        Set<String> ndKeys = new HashSet<>();
        for (String line : lines) {
            ndKeys.add(json.readTree(line).path("key").asText());
        }
        assertEquals(keys, ndKeys);

        // The JSON list still pages.
        given().queryParam("speaker", speaker)
                .queryParam("limit", 500)
                .get()
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(500));
    }

    @Test
    void exportRejectsABadFilterWithAProblem() {
        given().accept(CSV)
                .queryParam("status", "FOO")
                .get()
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("status"));
        given().accept(NDJSON)
                .queryParam("dueBefore", "notadate")
                .get()
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("dueBefore"));
    }

    @Test
    void wildcardAcceptGetsJson() {
        String topic = topic();
        String key = create(tagged(topic, key("accept-any")));

        given().accept("*/*")
                .queryParam("topic", topic)
                .get()
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("items[0].key", equalTo(key));
    }

    @Test
    void missingAcceptGetsJson() throws Exception {
        String topic = topic();
        String key = create(tagged(topic, key("accept-none")));

        // REST Assured always sends an Accept header; the JDK client sends none unless told.
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(predictionsUrl + "?topic=" + topic))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode page = json.readTree(response.body());
        assertEquals(key, page.path("items").path(0).path("key").asText());
        assertTrue(page.has("nextCursor"));
        assertNull(page.path("nextCursor").textValue());
    }

    /** Parallel POSTs: the server has more threads than the test, so this is a few seconds, not a minute. */
    private void createMany(String speaker, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new java.util.ArrayList<>();
            String prefix = "bulk-" + uid();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    ObjectNode body = json.valueToTree(prediction(prefix + "-" + n));
                    body.put("speaker", speaker);
                    return create(json.convertValue(body, Map.class));
                }));
            }
            for (Future<String> f : futures) {
                assertNotNull(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Rows as header-to-cell maps, read with a real CSV parser (cells with spaces or commas are quoted). */
    private static List<Map<String, String>> parseCsv(String csv) {
        try (MappingIterator<Map<String, String>> it = new CsvMapper()
                .readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv)) {
            return it.readAll();
        } catch (IOException e) {
            throw new AssertionError("not CSV: " + csv, e);
        }
    }

    private static Map<String, Object> tagged(String topic, String key) {
        return ListPredictionsTest.tagged(topic, key);
    }
}
