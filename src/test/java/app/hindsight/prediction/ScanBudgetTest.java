package app.hindsight.prediction;

import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.create;
import static app.hindsight.prediction.TestData.createSource;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.pastPrediction;
import static app.hindsight.prediction.TestData.prediction;
import static app.hindsight.prediction.TestData.source;
import static app.hindsight.prediction.TestData.uid;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPEndpoint;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * A list page examines at most hindsight.list.scan-budget predictions (100 here, in a database of this class's
 * own): filters backed by an index find a sparse page among many more than that, a page that needs more is a
 * 422, and exports and the calendar go on past the budget.
 */
@QuarkusTest
@TestProfile(ScanBudgetTest.SmallBudget.class)
@TestHTTPEndpoint(PredictionResource.class)
class ScanBudgetTest {

    static final int BUDGET = 100;

    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:scan-budget;DB_CLOSE_DELAY=-1",
                    "hindsight.seed.enabled",
                    "false",
                    "hindsight.list.scan-budget",
                    String.valueOf(BUDGET));
        }
    }

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aPageThatNeedsMoreThanTheBudgetIsA422ThatSaysHowToNarrowIt() {
        String topic = "t-" + uid();
        importAll(250, i -> tagged(topic, key("wide-" + i)));
        String absent = "absent-" + uid();

        for (Map<String, String> query : List.of(Map.of("q", absent), Map.of("topic", topic, "q", absent))) {
            given().queryParams(query)
                    .get()
                    .then()
                    .statusCode(422)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo("/problems/too-costly"))
                    .body("title", equalTo("Query too costly"))
                    .body("status", equalTo(422))
                    .body("detail", containsString("more than " + BUDGET + " predictions"))
                    .body("detail", containsString("export every match"))
                    .body("instance", equalTo("/api/v1/predictions"));
        }
        // Narrowed to an indexed filter, the same search is answered.
        given().queryParam("topic", topic)
                .queryParam("kind", "STANCE")
                .get()
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0))
                .body("nextCursor", nullValue());
    }

    @Test
    void eachIndexedFilterFindsASparsePageAmongManyMoreThanTheBudget() {
        String topic = "t-" + uid();
        importAll(250, i -> tagged(topic, key("many-" + i)));
        String speaker = "Rare Speaker " + uid();
        Map<String, Object> bySpeaker = prediction(key("rare-speaker"));
        bySpeaker.put("speaker", speaker);
        String spoken = create(bySpeaker);
        String sourceKey = createSource(source(key("rare-src")));
        Map<String, Object> bySource = prediction(key("rare-source"));
        bySource.put("source", sourceKey);
        String sourced = create(bySource);
        Map<String, Object> stance = prediction(key("rare-stance"));
        stance.put("kind", "STANCE");
        String stanced = create(stance);
        String past = create(pastPrediction(key("rare-past")));
        String rareTopic = "r-" + uid();
        String tagged = create(tagged(rareTopic, key("rare-topic")));
        String withdrawn = create(tagged(rareTopic, key("rare-withdrawn")));
        given().contentType("application/json")
                .body("{}")
                .post("{key}/withdrawal", withdrawn)
                .then()
                .statusCode(200);

        assertEquals(List.of(spoken), keys(Map.of("speaker", speaker.toLowerCase())));
        assertEquals(List.of(spoken), keys(Map.of("speaker", speaker.toUpperCase())));
        assertEquals(List.of(), keys(Map.of("speaker", "Nobody " + uid())));
        assertEquals(List.of(sourced), keys(Map.of("source", sourceKey)));
        assertEquals(List.of(), keys(Map.of("source", "nope-" + uid())));
        assertEquals(List.of(stanced), keys(Map.of("kind", "STANCE")));
        assertEquals(List.of(past), keys(Map.of("dueBefore", "2026-01-02")));
        assertEquals(List.of(), keys(Map.of("dueBefore", "2000-01-01")));
        assertEquals(List.of(tagged), keys(Map.of("topic", rareTopic, "status", "OPEN")));
        assertEquals(List.of(withdrawn), keys(Map.of("status", "WITHDRAWN")));
        assertEquals(List.of(tagged), keys(Map.of("topic", rareTopic, "q", "RARE-TOPIC")));
        // Several filters: the sparsest drives, the others are checked.
        assertEquals(List.of(), keys(Map.of("topic", topic, "speaker", speaker)));
        assertEquals(
                List.of(spoken),
                keys(Map.of(
                        "status",
                        "OPEN",
                        "kind",
                        "FORECAST",
                        "speaker",
                        speaker,
                        "dueAfter",
                        "2030-01-01",
                        "q",
                        "rare-speaker")));
    }

    @Test
    void aFullPageWhenTheBudgetRunsOutHasACursorPastWhatWasExamined() {
        String topic = "t-" + uid();
        String needle = "needle" + uid();
        List<String> created = importAll(130, i -> {
            Map<String, Object> p = tagged(topic, key("walk-" + i));
            if (i == 0 || i == 39) {
                p.put("statement", "The " + needle + " index will double by 2030.");
            }
            return p;
        });

        // Pages of one: finding the second match, or that there is none after it, takes the whole budget.
        assertEquals(
                List.of(created.get(0), created.get(39)),
                keys(Map.of("topic", topic, "q", needle.toUpperCase(), "limit", "1")));
    }

    @Test
    void exportsAndTheCalendarGoOnPastTheBudget() {
        String topic = "t-" + uid();
        String needle = "needle" + uid();
        List<String> created = importAll(250, i -> {
            Map<String, Object> p = tagged(topic, key("export-" + i));
            if (i == 10 || i == 240) {
                p.put("statement", "The " + needle + " index will double by 2030.");
            }
            return p;
        });
        List<String> expected = List.of(created.get(10), created.get(240));
        given().queryParam("topic", topic).queryParam("q", needle).get().then().statusCode(422);

        String csv = given().accept("text/csv")
                .queryParam("topic", topic)
                .queryParam("q", needle)
                .get()
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(
                expected,
                csv.lines()
                        .skip(1)
                        .map(line -> line.substring(0, line.indexOf(',')))
                        .toList());
        String ndjson = given().accept("application/x-ndjson")
                .queryParam("q", needle)
                .get()
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(
                expected,
                ndjson.lines()
                        .map(line -> (String)
                                io.restassured.path.json.JsonPath.from(line).get("key"))
                        .toList());
        String ics = given().basePath("/api/v1/calendar.ics")
                .queryParam("q", needle)
                // A window that holds their target date (the end of 2030): the default ends a year from today.
                .queryParam("from", "2026-01-01")
                .queryParam("to", "2030-12-31")
                .get()
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String key : expected) {
            assertTrue(ics.contains("UID:" + key + "@hindsight"), ics);
        }
        assertEquals(2, ics.split("BEGIN:VEVENT", -1).length - 1, ics);
    }

    /** Imports {@code n} predictions in one request, in order, and returns their keys. */
    private List<String> importAll(int n, IntFunction<Map<String, Object>> item) {
        List<String> keys = new ArrayList<>();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Map<String, Object> p = item.apply(i);
            keys.add((String) p.get("key"));
            try {
                ndjson.append(json.writeValueAsString(p)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        given().basePath("/api/v1/imports")
                .contentType("application/x-ndjson")
                .body(ndjson.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post()
                .then()
                .statusCode(200)
                .body("created", equalTo(n));
        return keys;
    }

    private static Map<String, Object> tagged(String topic, String key) {
        Map<String, Object> p = prediction(key);
        p.put("topics", List.of(topic));
        return p;
    }

    /** Every match, following nextCursor; every page must be a 200. */
    private static List<String> keys(Map<String, String> query) {
        List<String> keys = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParams(query);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get();
            page.then().statusCode(200);
            keys.addAll(page.path("items.key"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return keys;
    }
}
