package app.hindsight.trajectory;

import static app.hindsight.trajectory.ObservationTest.observe;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.hindsight.TestClock;
import app.hindsight.prediction.TestData;
import app.hindsight.prediction.model.Prediction;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A metric and its observations that the trajectory could not be worked out from: a change to LOG while observations
 * are 0 or below is refused (by PATCH, by import, dry run or not), and values past the bounds are refused on the way
 * in; what a database holds anyway (written behind the API's back) gives 409s that name it, never a 500, and the desk
 * page still renders, without the chart.
 */
@QuarkusTest
class MetricConflictTest {

    @BeforeEach
    void today() {
        TestClock.install(Instant.parse("2026-11-29T12:00:00Z"));
    }

    /** A LINEAR metric from 10 on 2026-01-27 down to 1 by the end of 2027, observed at 5, 0 and -3. */
    private static String linearObservedAtFiveZeroAndMinusThree(List<Integer> ids) {
        Map<String, Object> body = TestData.prediction(TestData.key("conflict"));
        body.put("target", TestData.target("2027-12-31", "YEAR", "EXPLICIT", "by the end of 2027"));
        body.put("metric", linear());
        String key = TestData.create(body);
        String[] days = {"2026-03-01", "2026-04-01", "2026-05-01"};
        int[] values = {5, 0, -3};
        for (int i = 0; i < 3; i++) {
            ids.add(observe(key, Map.of("on", days[i], "value", values[i]))
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        return key;
    }

    private static Map<String, Object> linear() {
        Map<String, Object> metric = new HashMap<>();
        metric.put("name", "incidents");
        metric.put("baseline", Map.of("value", 10, "on", "2026-01-27"));
        metric.put("target", 1);
        metric.put("direction", "DECREASE");
        metric.put("scale", "LINEAR");
        return metric;
    }

    private static String etag(String key) {
        return TestData.predictions().get("{key}", key).then().extract().header("ETag");
    }

    private static List<String> history(String key) {
        return TestData.predictions().get("{key}/history", key).then().extract().path("items.type");
    }

    @Test
    void aPatchToLogIsRefusedWhileObservationsAreZeroOrBelowAndNamesThem() {
        List<Integer> ids = new java.util.ArrayList<>();
        String key = linearObservedAtFiveZeroAndMinusThree(ids);
        String etag = etag(key);
        List<String> before = history(key);

        given().contentType(TestData.MERGE_PATCH)
                .header("If-Match", etag)
                .body("{\"metric\": {\"scale\": \"LOG\"}}")
                .patch(TestData.PREDICTIONS + "/{key}", key)
                .then()
                .statusCode(409)
                .contentType(TestData.PROBLEM_JSON)
                .body("type", equalTo("/problems/observations-conflict"))
                .body(
                        "detail",
                        allOf(
                                containsString("2 of its observations"),
                                containsString("observation " + ids.get(1) + " of 2026-04-01 (0) must be above 0"),
                                containsString("observation " + ids.get(2) + " of 2026-05-01 (-3) must be above 0"),
                                not(containsString("observation " + ids.get(0) + " "))));

        // Nothing changed: the scale, the version, the history; the trajectory still reads.
        TestData.predictions().get("{key}", key).then().body("metric.scale", equalTo("LINEAR"));
        assertEquals(etag, etag(key));
        assertEquals(before, history(key));
        TrajectoryTest.trajectory(key).statusCode(200).body("latest.value", equalTo(-3.0));

        // Once they are retracted, the change goes through.
        for (int id : ids.subList(1, 3)) {
            given().delete("/api/v1/predictions/{key}/observations/{id}", key, id)
                    .then()
                    .statusCode(200);
        }
        given().contentType(TestData.MERGE_PATCH)
                .header("If-Match", etag)
                .body("{\"metric\": {\"scale\": \"LOG\"}}")
                .patch(TestData.PREDICTIONS + "/{key}", key)
                .then()
                .statusCode(200)
                .body("metric.scale", equalTo("LOG"));
        TrajectoryTest.trajectory(key).statusCode(200).body("latest.value", equalTo(5.0));
    }

    @Test
    void anImportToLogIsRefusedTooDryRunOrNot() {
        List<Integer> ids = new java.util.ArrayList<>();
        String key = linearObservedAtFiveZeroAndMinusThree(ids);
        Map<String, Object> item = TestData.prediction(key);
        item.put("target", TestData.target("2027-12-31", "YEAR", "EXPLICIT", "by the end of 2027"));
        Map<String, Object> log = linear();
        log.put("scale", "LOG");
        item.put("metric", log);
        for (String dryRun : new String[] {"true", "false"}) {
            given().contentType("application/json")
                    .queryParam("dryRun", dryRun)
                    .body(List.of(item))
                    .post("/api/v1/imports")
                    .then()
                    .statusCode(409)
                    .body("type", equalTo("/problems/observations-conflict"))
                    .body("detail", containsString("observation " + ids.get(2) + " of 2026-05-01 (-3)"));
        }
        TestData.predictions().get("{key}", key).then().body("metric.scale", equalTo("LINEAR"));
    }

    @Test
    void valuesPastTheBoundsAreRefusedNamingTheField() {
        Map<String, Object> body = TestData.prediction(TestData.key("bounds"));
        Map<String, Object> huge = linear();
        huge.put("target", -1.7976931348623157e308);
        body.put("metric", huge);
        TestData.predictions()
                .contentType("application/json")
                .body(body)
                .post()
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("metric.target")))
                .body("errors[0].message", containsString("1e15"));

        Map<String, Object> tiny = linear();
        tiny.put("scale", "LOG");
        tiny.put("baseline", Map.of("value", 4.9e-324, "on", "2026-01-27"));
        tiny.put("target", 1e-300);
        tiny.put("direction", "INCREASE");
        body.put("metric", tiny);
        TestData.predictions()
                .contentType("application/json")
                .body(body)
                .post()
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("metric.baseline.value", "metric.target"));

        body.put("metric", linear());
        String key = TestData.create(body);
        for (double value : new double[] {1.7976931348623157e308, -1.7976931348623157e308, 1e-13}) {
            observe(key, Map.of("on", "2026-03-01", "value", value))
                    .statusCode(400)
                    .body("errors.field", equalTo(List.of("value")));
        }
        given().get("/api/v1/predictions/{key}/observations", key).then().body("items.size()", equalTo(0));
        // The bounds themselves are fine.
        observe(key, Map.of("on", "2026-03-01", "value", -1e15)).statusCode(201);
        TrajectoryTest.trajectory(key).statusCode(200).body("verdict", equalTo("REACHED"));
    }

    @Test
    void aLogScaleWrittenBehindTheApisBackGivesConflictsNotErrors() {
        List<Integer> ids = new java.util.ArrayList<>();
        String key = linearObservedAtFiveZeroAndMinusThree(ids);
        sql("update prediction set metric_scale = 'LOG' where slug = ?1", key);

        TrajectoryTest.trajectory(key)
                .statusCode(409)
                .contentType(TestData.PROBLEM_JSON)
                .body("type", equalTo("/problems/unmeasurable-trajectory"))
                .body(
                        "detail",
                        allOf(
                                containsString("observation " + ids.get(1) + " of 2026-04-01 (0) must be above 0"),
                                containsString("observation " + ids.get(2) + " of 2026-05-01 (-3) must be above 0")));
        given().get("/api/v1/predictions/{key}/trajectory.svg", key)
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/unmeasurable-trajectory"));
        String page = given().get("/desk/predictions/{key}", key)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(page.contains("trajectory.svg"), "no chart");
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("No verdict and no chart"), page);
        // A new observation that fits the metric is still recorded.
        observe(key, Map.of("on", "2026-06-01", "value", 2)).statusCode(201);
        // Retracting the two, the trajectory reads again.
        for (int id : ids.subList(1, 3)) {
            given().delete("/api/v1/predictions/{key}/observations/{id}", key, id)
                    .then()
                    .statusCode(200);
        }
        TrajectoryTest.trajectory(key).statusCode(200).body("latest.value", equalTo(2.0));
    }

    @Test
    void valuesPastTheBoundsWrittenBehindTheApisBackGiveConflictsNotErrors() {
        List<Integer> ids = new java.util.ArrayList<>();
        String key = linearObservedAtFiveZeroAndMinusThree(ids);
        sql("update observation set metric_value = 1.7976931348623157e308 where id = ?1", ids.get(0));
        sql("update observation set metric_value = -1.7976931348623157e308 where id = ?1", ids.get(1));

        String body = TrajectoryTest.trajectory(key)
                .statusCode(409)
                .body("type", equalTo("/problems/unmeasurable-trajectory"))
                .body("detail", containsString("observation " + ids.get(0) + " of 2026-03-01 (1.7976931348623157E308)"))
                .extract()
                .asString();
        assertFalse(body.contains("NaN") || body.contains("Infinity"), body);
        given().get("/api/v1/predictions/{key}/trajectory.svg", key).then().statusCode(409);
        given().get("/desk/predictions/{key}", key).then().statusCode(200);
        observe(key, Map.of("on", "2026-06-01", "value", 2)).statusCode(201);
    }

    @Test
    void aFitTooSteepForAFactorPerYearIsNullNotInfinity() {
        Map<String, Object> body = TestData.prediction(TestData.key("steep"));
        body.put(
                "metric",
                Map.of(
                        "name", "context window",
                        "baseline", Map.of("value", 1, "on", "2026-11-01"),
                        "target", 1e15,
                        "direction", "INCREASE",
                        "scale", "LOG"));
        String key = TestData.create(body);
        // A thousandfold in a day: e^(ln 1000 * 365.25) per year is past any double.
        observe(key, Map.of("on", "2026-11-02", "value", 1000)).statusCode(201);
        String json = TrajectoryTest.trajectory(key)
                .statusCode(200)
                .body("fit.method", equalTo("least-squares-log"))
                .body("fit.ratePerYear", nullValue())
                .body("verdict", equalTo("ON_TRACK"))
                .extract()
                .asString();
        assertFalse(json.contains("Infinity"), json);
        given().get("/api/v1/predictions/{key}/trajectory.svg", key)
                .then()
                .statusCode(200)
                .body(containsString("too steep to say per year"));

        // A thousandfold less in a day: the factor would be 0, and "1/0 times less per year" cannot be said.
        Map<String, Object> down = TestData.prediction(TestData.key("steep"));
        down.put(
                "metric",
                Map.of(
                        "name", "price",
                        "baseline", Map.of("value", 1000, "on", "2026-11-01"),
                        "target", 1e-12,
                        "direction", "DECREASE",
                        "scale", "LOG"));
        String falling = TestData.create(down);
        observe(falling, Map.of("on", "2026-11-02", "value", 1)).statusCode(201);
        TrajectoryTest.trajectory(falling).statusCode(200).body("fit.ratePerYear", nullValue());
        given().get("/api/v1/predictions/{key}/trajectory.svg", falling).then().statusCode(200);
    }

    /** The mapper of every response, webhook payload and stored event: no "NaN" nor "Infinity" strings. */
    @Test
    void theApplicationsMapperWritesNonFiniteNumbersAsNull() throws Exception {
        assertEquals(
                "{\"fit\":{\"ratePerYear\":null,\"method\":\"least-squares-log\"}}",
                json.writeValueAsString(Map.of("fit", new Fit(Double.POSITIVE_INFINITY, "least-squares-log"))));
    }

    @Inject
    ObjectMapper json;

    private static void sql(String statement, Object parameter) {
        QuarkusTransaction.requiringNew()
                .run(() -> assertEquals(
                        1,
                        Prediction.getEntityManager()
                                .createNativeQuery(statement)
                                .setParameter(1, parameter)
                                .executeUpdate()));
    }
}
