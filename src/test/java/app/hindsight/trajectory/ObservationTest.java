package app.hindsight.trajectory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Observations: recorded with an OBSERVED event, listed by date, retracted but kept; bad values refused. */
@QuarkusTest
class ObservationTest {

    /** A prediction like the seeds' 100x one (TestData.hundredFold). */
    static String hundredFold() {
        return TestData.create(TestData.hundredFold(TestData.key("obs")));
    }

    static ValidatableResponse observe(String key, Object body) {
        return given().contentType("application/json")
                .body(body)
                .post("/api/v1/predictions/{key}/observations", key)
                .then();
    }

    @Test
    void anObservationIsRecordedListedByDateAndRetractedButKept() {
        String key = hundredFold();
        TestData.predictions().get("{key}", key).then().body("metric.scale", equalTo("LOG"));
        int later = observe(
                        key,
                        Map.of(
                                "on",
                                "2026-09-01",
                                "value",
                                0.5,
                                "note",
                                "list price",
                                "evidence",
                                List.of(Map.of("url", "https://example.org/p", "title", "Pricing"))))
                .statusCode(201)
                .header("Location", containsString("/api/v1/predictions/" + key + "/observations"))
                .body("id", notNullValue())
                .body("value", equalTo(0.5f))
                .body("recordedBy", equalTo("admin"))
                .body("retracted", equalTo(false))
                .body("evidence[0].title", equalTo("Pricing"))
                .extract()
                .path("id");
        observe(key, Map.of("on", "2026-03-01", "value", 2.0)).statusCode(201);
        given().get("/api/v1/predictions/{key}/observations", key)
                .then()
                .statusCode(200)
                .body("items.on", contains("2026-03-01", "2026-09-01"));

        given().delete("/api/v1/predictions/{key}/observations/{id}", key, later)
                .then()
                .statusCode(200)
                .body("retracted", equalTo(true))
                .body("retractedBy", equalTo("admin"));
        given().delete("/api/v1/predictions/{key}/observations/{id}", key, later)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().get("/api/v1/predictions/{key}/observations", key)
                .then()
                .body("items", hasSize(2))
                .body("items.retracted", contains(false, true));
        TestData.predictions()
                .get("{key}/history", key)
                .then()
                .body("items.type", contains("CREATED", "OBSERVED", "OBSERVED", "OBSERVATION_RETRACTED"))
                .body("items[1].details.value", equalTo(0.5f))
                .body("items[3].details.observation", equalTo(later));
        given().delete("/api/v1/predictions/{key}/observations/{id}", key, 999999999)
                .then()
                .statusCode(404);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"on\": \"2026-03-01\", \"value\": 0}|value",
                "{\"on\": \"2026-03-01\", \"value\": -1.5}|value",
                "{\"on\": \"2026-03-01\", \"value\": \"cheap\"}|value",
                "{\"on\": \"2026-03-01\"}|value",
                "{\"on\": \"2026-01-26\", \"value\": 1.0}|on",
                "{\"value\": 1.0}|on",
                "{\"on\": \"2026-02-30\", \"value\": 1.0}|on",
                "{\"on\": \"2026-03-01\", \"value\": 1.0, \"unit\": \"USD\"}|unit"
            })
    void badObservationsAreProblemsNamingTheField(String body, String field) {
        String key = hundredFold();
        observe(key, body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(field));
        given().get("/api/v1/predictions/{key}/observations", key).then().body("items", hasSize(0));
    }

    @Test
    void aFutureDayIsRefused() {
        String key = hundredFold();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        observe(key, Map.of("on", tomorrow, "value", 1.0))
                .statusCode(400)
                .body("errors[0].field", equalTo("on"))
                .body("errors[0].message", containsString("future"));
    }

    @Test
    void onlyPredictionsWithAMetricAreObserved() {
        String key = TestData.create(TestData.prediction(TestData.key("obs")));
        observe(key, Map.of("on", "2026-03-01", "value", 1.0))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("no metric"));
        observe("no-such-prediction", Map.of("on", "2026-03-01", "value", 1.0)).statusCode(404);
    }

    @Test
    void aLogScaleNeedsValuesAboveZero() {
        Map<String, Object> body = TestData.prediction(TestData.key("obs"));
        body.put(
                "metric",
                Map.of(
                        "name", "n",
                        "baseline", Map.of("value", 0, "on", "2026-01-27"),
                        "target", -1,
                        "direction", "DECREASE",
                        "scale", "LOG"));
        TestData.predictions()
                .contentType("application/json")
                .body(body)
                .post()
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("metric.baseline.value", "metric.target"));
    }
}
