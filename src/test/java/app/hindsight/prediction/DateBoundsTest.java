package app.hindsight.prediction;

import static app.hindsight.prediction.TestData.MERGE_PATCH;
import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.create;
import static app.hindsight.prediction.TestData.createDue;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.prediction;
import static app.hindsight.prediction.TestData.target;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPEndpoint;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Dates, periods and numbers that would not survive the database, JSON or the calendar are refused where they
 * come in, with the field named: dates from 1900-01-01 to 9999-12-31, periods from P1D to P100Y, finite numbers.
 */
@QuarkusTest
@TestHTTPEndpoint(PredictionResource.class)
class DateBoundsTest {

    private static final List<String> BAD_DATES = List.of(
            "+999999999-12-31",
            "-999999999-12-31",
            "+10000-01-01",
            "0000-06-15",
            "1582-10-10",
            "1899-12-31",
            " 2027-12-31",
            "2027-12-31 ",
            "2027-12-31T00:00:00Z",
            "2027-12-31T00:00",
            "20271231",
            "2027-02-30",
            "");

    @Test
    void datesOutsideTheRangeOrNotPlainIsoDatesAreBadRequestsNamingTheField() {
        for (String date : BAD_DATES) {
            Map<String, Object> body = prediction(key("bad-date"));
            body.put("madeOn", date);
            refused(body, "madeOn", "1900-01-01");
        }
        Map<String, Object> far = prediction(key("far-target"));
        far.put("target", target("+999999999-12-31", "YEAR", "EXPLICIT", "one day"));
        refused(far, "target.date", "9999-12-31");
        Map<String, Object> early = prediction(key("early-baseline"));
        early.put("metric", metric(Map.of("value", 1, "on", "0001-01-01"), 10));
        refused(early, "metric.baseline.on", "1900-01-01");
    }

    @Test
    void theLastTargetDateIsTheDayBefore10000() {
        // The prediction comes due the day after its target date, which must still be a date.
        Map<String, Object> last = prediction(key("last-target"));
        last.put("target", target("9999-12-31", "DAY", "EXPLICIT", "the last day"));
        refused(last, "target.date", "9999-12-30");
    }

    @Test
    void theEdgesOfTheRangeRoundTrip() {
        Map<String, Object> body = prediction(key("edges"));
        body.put("madeOn", "1900-01-01");
        body.put("target", target("9999-12-30", "DAY", "EXPLICIT", "the last day"));
        String key = create(body);

        given().get("{key}", key)
                .then()
                .statusCode(200)
                .body("madeOn", equalTo("1900-01-01"))
                .body("target.date", equalTo("9999-12-30"))
                .body("dueAt", equalTo("9999-12-31T00:00:00Z"))
                .body("nextReviewOn", equalTo("9999-12-31"));
    }

    @Test
    void periodsOutsideP1DToP100YAreBadRequests() {
        for (String period : List.of(
                "P2147483647Y", "P101Y", "P1201M", "P36526D", "P0D", "P-1M", "P1Y-1D", " P6M", "6 months", "")) {
            Map<String, Object> body = undated(key("bad-period"));
            body.put("reviewEvery", period);
            refused(body, "reviewEvery", "P100Y");
        }
        Map<String, Object> longest = undated(key("century"));
        longest.put("reviewEvery", "P100Y");
        String key = create(longest);
        given().get("{key}", key).then().body("reviewEvery", equalTo("P100Y"));
    }

    @Test
    void numbersMustBeFinite() throws Exception {
        for (String number : List.of("\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "1e999999", "-1e999999")) {
            Map<String, Object> body = prediction(key("not-finite"));
            body.put("metric", metric(null, "TARGET"));
            String json = new ObjectMapper().writeValueAsString(body).replace("\"TARGET\"", number);
            given().contentType("application/json")
                    .body(json)
                    .post()
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("errors.field", hasItem("metric.target"))
                    .body("errors.find { it.field == 'metric.target' }.message", containsString("finite number"));
        }
    }

    @Test
    void resolutionDeferralAndPatchAreBoundToo() {
        String key = createDue("bounds-due");

        given().contentType("application/json")
                .body(Map.of("outcome", "CORRECT", "note", "n", "resolvedOn", "1582-10-10"))
                .post("{key}/resolution", key)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("resolvedOn"));
        given().contentType("application/json")
                .body(Map.of("until", "+999999999-12-31"))
                .post("{key}/deferral", key)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("until"));
        given().contentType(MERGE_PATCH)
                .header("If-Match", given().get("{key}", key).then().extract().header("ETag"))
                .body("{\"target\": {\"date\": \"+999999999-12-31\"}}")
                .patch("{key}", key)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("target.date"));

        given().get("{key}", key).then().body("status", equalTo("DUE")).body("target.date", equalTo("2025-12-31"));
    }

    @Test
    void dueFiltersAreBoundToo() {
        for (String value : List.of("0000-01-01", "1899-12-31", "+10000-01-01T00:00:00Z", "1582-10-10T00:00:00Z")) {
            given().queryParam("dueBefore", value)
                    .get()
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("errors.field", hasItem("dueBefore"))
                    .body("errors[0].message", containsString("1900-01-01"));
        }
        given().queryParam("dueAfter", "1900-01-01")
                .queryParam("dueBefore", "9999-12-31T23:59:59Z")
                .get()
                .then()
                .statusCode(200);
    }

    private static void refused(Map<String, Object> body, String field, String messagePart) {
        ValidatableResponse response =
                given().contentType("application/json").body(body).post().then();
        response.statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString(messagePart));
    }

    private static Map<String, Object> undated(String key) {
        Map<String, Object> body = prediction(key);
        body.put("target", Map.of("basis", "NONE"));
        return body;
    }

    private static Map<String, Object> metric(Map<String, Object> baseline, Object target) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "price");
        if (baseline != null) {
            m.put("baseline", baseline);
        }
        m.put("target", target);
        m.put("direction", "DECREASE");
        return m;
    }
}
