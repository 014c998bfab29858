package app.hindsight.prediction;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.hindsight.TestClock;
import app.hindsight.web.Cursor;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A prediction's forecasts, observations and history are paged like every other list (limit, cursor, Link), and a
 * prediction takes at most hindsight.limits.forecasts-per-prediction forecasts and
 * hindsight.limits.observations-per-prediction observations (five each here): past that a 409 that names the setting,
 * and nothing stored.
 */
@QuarkusTest
@TestProfile(PerPredictionListsTest.SmallCaps.class)
class PerPredictionListsTest {

    static final int CAP = 5;

    public static class SmallCaps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "hindsight.limits.forecasts-per-prediction", String.valueOf(CAP),
                    "hindsight.limits.observations-per-prediction", String.valueOf(CAP));
        }
    }

    @BeforeEach
    void beforeTheTargetDates() {
        TestClock.install(Instant.parse("2026-11-29T12:00:00Z"));
    }

    @Test
    void forecastsArePagedOldestFirstWithTheAggregateOfAllAndCappedPerPrediction() {
        String key = TestData.create(TestData.prediction(TestData.key("paged-forecasts")));
        List<Integer> made = new ArrayList<>();
        for (int i = 0; i < CAP; i++) {
            made.add(forecast(key, 0.1 + i * 0.1).statusCode(201).extract().path("id"));
        }

        List<JsonPath> pages = walk("/api/v1/predictions/" + key + "/forecasts", 2);
        assertEquals(3, pages.size());
        assertEquals(made, ids(pages));
        for (JsonPath page : pages) {
            // The aggregate covers every forecast, whichever page it comes with (one forecaster, the admin: the last).
            assertEquals(1, page.getInt("aggregate.forecasters"));
            assertEquals(0.5f, page.getFloat("aggregate.median"), 1e-6);
            assertEquals(key, page.getString("prediction"));
        }

        forecast(key, 0.9)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/limit-reached"))
                .body("status", equalTo(409))
                .body("detail", containsString(String.valueOf(CAP)))
                .body("detail", containsString("hindsight.limits.forecasts-per-prediction"));
        given().get("/api/v1/predictions/{key}/forecasts", key)
                .then()
                .body("items", hasSize(CAP))
                .body("items.probability", not(org.hamcrest.Matchers.hasItem(0.9f)))
                .body("aggregate.median", equalTo(0.5f));
        // The CSV export is every forecast, unpaged.
        String csv = given().accept("text/csv")
                .get("/api/v1/predictions/{key}/forecasts", key)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(CAP + 1, csv.strip().split("\n").length, csv);
    }

    @Test
    void observationsArePagedByDayThenIdAndCappedRetractedOnesIncluded() {
        String key = TestData.create(TestData.hundredFold(TestData.key("paged-observations")));
        // Recorded out of day order, two on one day: the list is by day, then by id.
        List<String> days = List.of("2026-09-01", "2026-03-01", "2026-06-01", "2026-03-01", "2026-02-01");
        List<Map<String, Object>> recorded = new ArrayList<>();
        for (String day : days) {
            int id = observe(key, day).statusCode(201).extract().path("id");
            recorded.add(Map.of("on", day, "id", id));
        }
        List<Integer> byDay = recorded.stream()
                .sorted(Comparator.comparing((Map<String, Object> o) -> (String) o.get("on"))
                        .thenComparing(o -> (Integer) o.get("id")))
                .map(o -> (Integer) o.get("id"))
                .toList();

        List<JsonPath> pages = walk("/api/v1/predictions/" + key + "/observations", 2);
        assertEquals(3, pages.size());
        assertEquals(byDay, ids(pages));

        // Retracting one does not make room: it stays listed.
        given().delete("/api/v1/predictions/{key}/observations/{id}", key, byDay.get(0))
                .then()
                .statusCode(200);
        observe(key, "2026-10-01")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/limit-reached"))
                .body("detail", containsString(String.valueOf(CAP)))
                .body("detail", containsString("hindsight.limits.observations-per-prediction"));
        given().get("/api/v1/predictions/{key}/observations?limit=500", key)
                .then()
                .body("items", hasSize(CAP))
                .body("items.on", not(org.hamcrest.Matchers.hasItem("2026-10-01")));
        given().get("/api/v1/predictions/{key}/history", key)
                .then()
                .body("items.findAll { it.type == 'OBSERVED' }.size()", equalTo(CAP));
    }

    @Test
    void historyIsPagedOldestFirstAndAPageAfterTheLastEventIsEmptyNotMissing() {
        String key = TestData.create(TestData.prediction(TestData.key("paged-history")));
        for (int version = 0; version < 6; version++) {
            edit(key, version, "criteria " + version);
        }
        List<JsonPath> pages = walk("/api/v1/predictions/" + key + "/history", 3);
        assertEquals(3, pages.size());
        List<String> types = new ArrayList<>();
        pages.forEach(p -> types.addAll(p.getList("items.type")));
        assertEquals(List.of("CREATED", "UPDATED", "UPDATED", "UPDATED", "UPDATED", "UPDATED", "UPDATED"), types);
        List<Integer> ids = ids(pages);
        assertEquals(ids.stream().sorted().toList(), ids);

        given().queryParam("cursor", Cursor.after(Long.MAX_VALUE))
                .get("/api/v1/predictions/{key}/history", key)
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("nextCursor", nullValue());
        given().queryParam("cursor", Cursor.after(0))
                .get("/api/v1/predictions/{key}/history", TestData.key("never-used"))
                .then()
                .statusCode(404);
    }

    @Test
    void aBadLimitOrACursorOfAnotherKindOfListIsA400NamingTheField() {
        String key = TestData.create(TestData.hundredFold(TestData.key("paged-bad")));
        for (String list : List.of("forecasts", "observations", "history")) {
            given().queryParam("limit", 501)
                    .get("/api/v1/predictions/{key}/" + list, key)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("limit")));
            given().queryParam("cursor", "not-a-cursor")
                    .get("/api/v1/predictions/{key}/" + list, key)
                    .then()
                    .statusCode(400)
                    .body("errors.field", equalTo(List.of("cursor")));
        }
        // An id cursor where a (day, id) or (time, id) one belongs, and the other way round.
        for (String list : List.of("forecasts", "observations")) {
            given().queryParam("cursor", Cursor.after(3))
                    .get("/api/v1/predictions/{key}/" + list, key)
                    .then()
                    .statusCode(400)
                    .body("errors.field", equalTo(List.of("cursor")));
        }
        given().queryParam("cursor", Cursor.after("2026-03-01", 3))
                .get("/api/v1/predictions/{key}/forecasts", key)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("cursor")));
        given().queryParam("cursor", Cursor.after("2026-03-01", 3))
                .get("/api/v1/predictions/{key}/history", key)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("cursor")));
    }

    @Test
    void theDeskShowsTheLatestEventsAndLinksToTheRest() {
        String key = TestData.create(TestData.prediction(TestData.key("desk-tail")));
        for (int version = 0; version < 51; version++) {
            edit(key, version, "criteria " + version);
        }
        String page = given().basePath("")
                .accept("text/html")
                .get("/desk/predictions/{key}", key)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String history = page.substring(page.indexOf("<ol class=\"history\">"), page.indexOf("</ol>"));
        assertEquals(50, history.split("<li>", -1).length - 1, "events shown");
        org.hamcrest.MatcherAssert.assertThat(page, containsString("The latest 50 events"));
        // The newest are shown (the last edit), the oldest (the creation) left to the API's pages.
        org.hamcrest.MatcherAssert.assertThat(history, containsString("criteria 50"));
        org.hamcrest.MatcherAssert.assertThat(history, not(containsString("<strong>created</strong>")));
    }

    /** Every page of a list, following the Link header from the first (path and query: the host is the public one). */
    private static List<JsonPath> walk(String path, int limit) {
        List<JsonPath> pages = new ArrayList<>();
        Response page = given().basePath("").queryParam("limit", limit).get(path);
        while (true) {
            page.then()
                    .statusCode(200)
                    .body("items.size()", lessThanOrEqualTo(limit))
                    .body("items", everyItem(notNullValue()));
            pages.add(page.jsonPath());
            String link = page.header("Link");
            if (link == null) {
                page.then().body("nextCursor", nullValue());
                return pages;
            }
            page.then().body("items.size()", equalTo(limit));
            String cursor = page.path("nextCursor");
            org.hamcrest.MatcherAssert.assertThat(link, containsString("cursor=" + cursor));
            URI next = URI.create(link.replaceAll("^<([^>]*)>; *rel=\"next\"$", "$1"));
            page = given().basePath("").urlEncodingEnabled(false).get(next.getRawPath() + "?" + next.getRawQuery());
        }
    }

    /** The items' ids across the pages, each seen once. */
    private static List<Integer> ids(List<JsonPath> pages) {
        List<Integer> ids = new ArrayList<>();
        pages.forEach(p -> ids.addAll(p.getList("items.id", Integer.class)));
        assertEquals(ids.size(), new HashSet<>(ids).size(), "each item once: " + ids);
        return ids;
    }

    private static io.restassured.response.ValidatableResponse forecast(String key, double probability) {
        return given().contentType("application/json")
                .body(Map.of("probability", probability))
                .post("/api/v1/predictions/{key}/forecasts", key)
                .then();
    }

    private static io.restassured.response.ValidatableResponse observe(String key, String on) {
        return given().contentType("application/json")
                .body(Map.of("on", on, "value", 2.0))
                .post("/api/v1/predictions/{key}/observations", key)
                .then();
    }

    private static void edit(String key, int version, String criteria) {
        TestData.predictions()
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"" + version + "\"")
                .body(Map.of("resolutionCriteria", criteria))
                .patch("{key}", key)
                .then()
                .statusCode(200);
    }
}
