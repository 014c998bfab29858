package app.hindsight.trackrecord;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.hindsight.TestClock;
import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.ValidatableResponse;

/**
 * Outcome VOID: a prediction that should not count (its condition never came about, or it was captured wrongly). It
 * needs its reason, and stays out of every denominator: the speaker's hit rate and crowd figures, forecasters' scores;
 * records count it apart.
 */
@QuarkusTest
class VoidOutcomeTest {

    private static ValidatableResponse resolve(String key, String outcome, String voidReason) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("outcome", outcome, "note", "checked"));
        if (voidReason != null) {
            body.put("voidReason", voidReason);
        }
        return TestData.predictions()
                .contentType("application/json")
                .body(body)
                .post("{key}/resolution", key)
                .then();
    }

    private static String create(String speaker) {
        Map<String, Object> body = TestData.prediction(TestData.key("void"));
        body.put("speaker", speaker);
        return TestData.create(body);
    }

    @Test
    void voidNeedsItsReasonAndNoOtherOutcomeTakesOne() {
        String key = create("Void Checker " + TestData.uid());
        resolve(key, "VOID", null)
                .statusCode(400)
                .contentType(TestData.PROBLEM_JSON)
                .body("errors.field", hasItem("voidReason"));
        resolve(key, "INCORRECT", "MISCAPTURED")
                .statusCode(400)
                .contentType(TestData.PROBLEM_JSON)
                .body("errors.field", hasItem("voidReason"));
        resolve(key, "VOID", "NOT_A_REASON").statusCode(400).contentType(TestData.PROBLEM_JSON);
        TestData.predictions().get("{key}", key).then().statusCode(200).body("status", equalTo("OPEN"));
        resolve(key, "VOID", "MISCAPTURED")
                .statusCode(200)
                .body("resolution.outcome", equalTo("VOID"))
                .body("resolution.voidReason", equalTo("MISCAPTURED"));
        TestData.predictions()
                .get("{key}/history", key)
                .then()
                .statusCode(200)
                .body("items.find { it.type == 'RESOLVED' }.details.voidReason", equalTo("MISCAPTURED"));
    }

    @Test
    void voidStaysOutOfTheHitRateTheCrowdAndTheScoresAndIsCountedApart() {
        String run = TestData.uid();
        String speaker = "Void Speaker " + run;
        String forecaster = "void-fc-" + run;
        String token = "Bearer "
                + given().contentType("application/json")
                        .body(Map.of("name", forecaster, "roles", List.of("forecaster")))
                        .post("/api/v1/tokens")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("token");
        TestClock clock = TestClock.install(Instant.parse("2026-06-01T10:00:00Z"));
        String correct = create(speaker);
        String voided = create(speaker);
        String miscaptured = create(speaker);
        for (String key : List.of(correct, voided)) {
            given().header("Authorization", token)
                    .contentType("application/json")
                    .body(Map.of("probability", 0.8))
                    .post("/api/v1/predictions/{key}/forecasts", key)
                    .then()
                    .statusCode(201);
        }
        clock.advance(Duration.ofDays(1));
        resolve(correct, "CORRECT", null).statusCode(200);
        resolve(voided, "VOID", "CONDITION_NOT_MET").statusCode(200);
        resolve(miscaptured, "VOID", "MISCAPTURED").statusCode(200);

        // One CORRECT counts: hit rate 1 of 1, crowd yield 1 / 0.8 over the one scored prediction.
        RestAssured.given()
                .config(RestAssuredConfig.config()
                        .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE)))
                .get("/api/v1/speakers/{name}", speaker)
                .then()
                .statusCode(200)
                .body("predictions", equalTo(3))
                .body("byStatus.RESOLVED", equalTo(3))
                .body("outcomes.CORRECT", equalTo(1))
                .body("outcomes.VOID", nullValue())
                .body("void.CONDITION_NOT_MET", equalTo(1))
                .body("void.MISCAPTURED", equalTo(1))
                .body("hitRate", closeTo(1.0, 1e-9))
                .body("withForecasts", equalTo(1))
                .body("crowdYield", closeTo(1 / 0.8, 1e-9))
                .body("byKind.FORECAST.void.CONDITION_NOT_MET", equalTo(1));
        given().get("/api/v1/forecasters/{name}", forecaster)
                .then()
                .statusCode(200)
                .body("scores.forecasts", equalTo(2))
                .body("scores.scored", equalTo(1));
        TestData.predictions()
                .get("{key}/forecasts", voided)
                .then()
                .statusCode(200)
                .body("items[0].scored", equalTo(false))
                .body("items[0].unscoredBecause", equalTo("OUTCOME_NOT_SCORED"));
        String csv = given().accept("text/csv")
                .get("/api/v1/speakers")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(
                csv.lines().findFirst().orElse("").contains(",unverifiable,void,hitRate,"),
                csv.lines().findFirst().orElse(""));
        org.junit.jupiter.api.Assertions.assertTrue(
                csv.lines().anyMatch(l -> l.startsWith("\"" + speaker + "\",3,0,0,3,0,1,0,0,0,2,1.0,")), csv);
    }
}
