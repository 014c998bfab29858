package app.hindsight.prediction;

import static app.hindsight.prediction.ListPredictionsTest.keys;
import static app.hindsight.prediction.ListPredictionsTest.tagged;
import static app.hindsight.prediction.ListPredictionsTest.topic;
import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.create;
import static app.hindsight.prediction.TestData.hundredFold;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.prediction;
import static app.hindsight.prediction.TestData.resolve;
import static app.hindsight.prediction.TestData.target;
import static app.hindsight.prediction.TestData.uid;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import app.hindsight.TestClock;
import app.hindsight.prediction.store.PredictionOrder;
import io.quarkus.test.common.http.TestHTTPEndpoint;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Finding predictions: speakers by part of the name, the sort orders with their paging, hasMetric, nextReview. */
@QuarkusTest
@TestHTTPEndpoint(PredictionResource.class)
class FindPredictionsTest {

    // --- speakers ---------------------------------------------------------------------------------------

    @Test
    void speakerFilterMatchesTheStartOfAnyWordIgnoringCaseAndAccents() {
        String u = uid();
        String altman = spoken("Sam Ålt" + u + "man");
        String junior = spoken("Sam Ålt" + u + "man Junior");
        String other = spoken("Rachel Bält" + u);

        assertEquals(List.of(altman, junior), keys(Map.of("speaker", "alt" + u)));
        assertEquals(List.of(altman, junior), keys(Map.of("speaker", "ALT" + u + "MAN")));
        assertEquals(List.of(altman, junior), keys(Map.of("speaker", "sam  ålt" + u)));
        assertEquals(List.of(junior), keys(Map.of("speaker", "alt" + u + "man jun")));
        assertEquals(List.of(other), keys(Map.of("speaker", "balt" + u)));
        // Inside a word is no match: "lt..." begins no word of either name.
        assertEquals(List.of(), keys(Map.of("speaker", "lt" + u)));
        assertEquals(List.of(), keys(Map.of("speaker", "nobody" + u)));
    }

    // --- sort ----------------------------------------------------------------------------------------

    @Test
    void eachSortPagesThroughEveryMatchOnceInOrder() {
        TestClock clock = TestClock.install(Instant.parse("2026-11-29T12:00:00Z"));
        String topic = topic();
        // Dates out of creation order, with ties and missing values, so each order differs from the id order.
        Object[][] rows = {
            {"2025-05-01", "2031-12-31", "P1M", 30},
            {"2024-01-15", null, "P3M", 10},
            {"2025-05-01", "2029-06-30", "P6M", 50},
            {"2026-02-01", "2031-12-31", "P1M", 20},
            {"2023-09-09", null, "P1Y", 40},
            {"2025-05-01", "2030-01-31", "P2M", 10},
            {"2026-01-01", "2028-12-31", "P1M", 0}
        };
        List<String> created = new ArrayList<>();
        for (Object[] row : rows) {
            clock.set(Instant.parse("2026-11-29T12:00:00Z").plus(Duration.ofMinutes((Integer) row[3])));
            Map<String, Object> body = tagged(topic, key("sorted"));
            body.put("madeOn", row[0]);
            body.put(
                    "target",
                    row[1] == null
                            ? target(null, null, "NONE", "some day")
                            : target((String) row[1], "DAY", "EXPLICIT", "by then"));
            body.put("reviewEvery", row[2]);
            created.add(create(body));
        }
        resolve(created.get(2)); // no next review any more
        List<Map<String, Object>> byId = items(Map.of("topic", topic, "limit", 500));
        assertEquals(created, byId.stream().map(i -> i.get("key")).toList());

        Map<String, Function<Map<String, Object>, String>> sorts = new LinkedHashMap<>();
        sorts.put("madeOn", i -> (String) i.get("madeOn"));
        sorts.put("targetDate", i -> (String) ((Map<?, ?>) i.get("target")).get("date"));
        sorts.put("nextReview", i -> (String) i.get("nextReviewOn"));
        sorts.put("updated", i -> (String) i.get("updatedAt"));
        for (var sort : sorts.entrySet()) {
            for (boolean descending : new boolean[] {false, true}) {
                String parameter = (descending ? "-" : "") + sort.getKey();
                List<String> expected = expectedOrder(byId, sort.getValue(), descending);
                for (int limit : new int[] {1, 2, 3}) {
                    List<String> walked = walk(topic, parameter, limit);
                    assertEquals(expected, walked, parameter + " limit " + limit);
                    assertEquals(walked.size(), new HashSet<>(walked).size(), parameter + " has a duplicate");
                }
            }
        }
        // Any case; a single call with the default limit holds them all.
        assertEquals(
                expectedOrder(byId, sorts.get("targetDate"), true),
                items(Map.of("topic", topic, "sort", "-TARGETDATE")).stream()
                        .map(i -> i.get("key"))
                        .toList());
    }

    @Test
    void theExportsFollowTheSort() {
        String topic = topic();
        Map<String, Object> late = tagged(topic, key("late"));
        late.put("madeOn", "2026-01-02");
        String lateKey = create(late);
        Map<String, Object> early = tagged(topic, key("early"));
        early.put("madeOn", "2025-01-02");
        String earlyKey = create(early);

        String ndjson = given().accept("application/x-ndjson")
                .queryParam("topic", topic)
                .queryParam("sort", "madeOn")
                .get()
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(ndjson.indexOf(earlyKey) < ndjson.indexOf(lateKey), ndjson);
        String csv = given().accept("text/csv")
                .queryParam("topic", topic)
                .queryParam("sort", "-madeOn")
                .get()
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(csv.indexOf(lateKey) < csv.indexOf(earlyKey), csv);
    }

    @Test
    void anUnknownSortIsABadRequestNamingTheAcceptedOnes() {
        given().queryParam("sort", "dueAt")
                .get()
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("sort"))
                .body("errors[0].message", containsString("'dueAt' must be one of madeOn, -madeOn, targetDate"))
                .body("errors[0].message", containsString("updated, -updated"));
    }

    @Test
    void theApiDescriptionListsTheAcceptedSorts() {
        List<String> described = given().basePath("")
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .path("paths.'/api/v1/predictions'.get.parameters.find { it.name == 'sort' }.schema.enum");
        assertEquals(PredictionOrder.ACCEPTED, described);
    }

    @Test
    void aCursorOfAnotherSortIsABadRequest() {
        String topic = topic();
        create(tagged(topic, key("c1")));
        create(tagged(topic, key("c2")));
        String cursor = given().queryParam("topic", topic)
                .queryParam("sort", "madeOn")
                .queryParam("limit", 1)
                .get()
                .then()
                .statusCode(200)
                .extract()
                .path("nextCursor");

        for (String sort : new String[] {"-madeOn", "updated"}) {
            given().queryParam("topic", topic)
                    .queryParam("sort", sort)
                    .queryParam("cursor", cursor)
                    .get()
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem("cursor"));
        }
        given().queryParam("topic", topic)
                .queryParam("cursor", cursor)
                .get()
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    // --- hasMetric and the next-review window ------------------------------------------------------------------

    @Test
    void hasMetricSplitsPredictionsWithATrajectoryFromTheRest() {
        String topic = topic();
        Map<String, Object> measured = hundredFold(key("measured"));
        measured.put("topics", List.of(topic));
        String withMetric = create(measured);
        String without = create(tagged(topic, key("unmeasured")));

        assertEquals(List.of(withMetric), keys(Map.of("topic", topic, "hasMetric", "true")));
        assertEquals(List.of(without), keys(Map.of("topic", topic, "hasMetric", "FALSE")));
        assertEquals(List.of(withMetric, without), keys(Map.of("topic", topic)));
        given().queryParam("hasMetric", "yes")
                .get()
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("hasMetric"))
                .body("errors[0].message", containsString("true or false"));
    }

    @Test
    void theNextReviewWindowIncludesBothEnds() {
        TestClock.install(Instant.parse("2026-11-29T12:00:00Z"));
        String topic = topic();
        List<String> keys = new ArrayList<>();
        for (String every : List.of("P1M", "P2M", "P3M")) { // next reviews 2026-12-29, 2027-01-29, 2027-02-28
            Map<String, Object> body = tagged(topic, key("review"));
            body.put("reviewEvery", every);
            keys.add(create(body));
        }

        assertEquals(
                keys.subList(0, 2),
                keys(Map.of("topic", topic, "nextReviewFrom", "2026-12-29", "nextReviewTo", "2027-01-29")));
        assertEquals(keys.subList(1, 3), keys(Map.of("topic", topic, "nextReviewFrom", "2027-01-01")));
        assertEquals(keys.subList(0, 1), keys(Map.of("topic", topic, "nextReviewTo", "2027-01-28")));
        // The window alone, without another filter to narrow it, finds the same.
        List<String> alone = keys(Map.of("nextReviewFrom", "2027-02-28", "nextReviewTo", "2027-02-28"));
        assertTrue(alone.contains(keys.get(2)) && !alone.contains(keys.get(1)), alone.toString());
        given().queryParam("nextReviewFrom", "2027-02-01")
                .queryParam("nextReviewTo", "2027-01-01")
                .get()
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("nextReviewTo"));
        given().queryParam("nextReviewFrom", "soon")
                .get()
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("nextReviewFrom"));
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private static String spoken(String speaker) {
        Map<String, Object> body = prediction(key("spoken"));
        body.put("speaker", speaker);
        return create(body);
    }

    private static List<Map<String, Object>> items(Map<String, ?> query) {
        return given().queryParams(query).get().then().statusCode(200).extract().path("items");
    }

    /** The keys in the order the API promises: by the value (nulls last), ties by creation, both in the direction. */
    private static List<String> expectedOrder(
            List<Map<String, Object>> byId, Function<Map<String, Object>, String> value, boolean descending) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < byId.size(); i++) {
            positions.add(i);
        }
        // Dates and instants as ISO-8601 text sort as they compare.
        Comparator<Integer> byValue = Comparator.comparing(i -> value.apply(byId.get(i)));
        Comparator<Integer> order = byValue.thenComparing(Comparator.naturalOrder());
        if (descending) {
            order = order.reversed();
        }
        List<Integer> dated = new ArrayList<>(
                positions.stream().filter(i -> value.apply(byId.get(i)) != null).toList());
        dated.sort(order);
        List<Integer> undated = new ArrayList<>(
                positions.stream().filter(i -> value.apply(byId.get(i)) == null).toList());
        undated.sort(descending ? Comparator.reverseOrder() : Comparator.naturalOrder());
        List<String> keys = new ArrayList<>();
        dated.forEach(i -> keys.add((String) byId.get(i).get("key")));
        undated.forEach(i -> keys.add((String) byId.get(i).get("key")));
        return keys;
    }

    /** Every page of the sort, following nextCursor; each page at most limit items. */
    private static List<String> walk(String topic, String sort, int limit) {
        List<String> keys = new ArrayList<>();
        String cursor = null;
        do {
            var request =
                    given().queryParam("topic", topic).queryParam("sort", sort).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get();
            page.then().statusCode(200);
            List<String> items = page.path("items.key");
            assertTrue(items.size() <= limit);
            keys.addAll(items);
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return keys;
    }
}
