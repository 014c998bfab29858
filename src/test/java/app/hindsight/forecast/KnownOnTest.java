package app.hindsight.forecast;

import static app.hindsight.forecast.Forecasters.forecast;
import static app.hindsight.forecast.Forecasters.prediction;
import static app.hindsight.forecast.Forecasters.reopen;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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
import io.restassured.specification.RequestSpecification;

/**
 * A resolution's knownOn, the day the answer became known: its checks, and forecasts made on or after it kept but
 * not scored, also across a reopen and a second resolution (the case found in testing: resolve, reopen, a new
 * forecaster posts 0.99, resolve again; that forecast scored a Brier of 0.0001 and beat the crowd).
 */
@QuarkusTest
class KnownOnTest {

    private static final Instant DAY_1 = Instant.parse("2026-06-01T10:00:00Z");

    private static ValidatableResponse resolve(String key, String outcome, String resolvedOn, String knownOn) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("outcome", outcome, "note", "checked"));
        if (resolvedOn != null) {
            body.put("resolvedOn", resolvedOn);
        }
        if (knownOn != null) {
            body.put("knownOn", knownOn);
        }
        return TestData.predictions()
                .contentType("application/json")
                .body(body)
                .post("{key}/resolution", key)
                .then();
    }

    /** Requests whose JSON decimals are doubles (RestAssured reads them as floats by default). */
    private static RequestSpecification api() {
        return RestAssured.given()
                .config(RestAssuredConfig.config()
                        .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE)));
    }

    @Test
    void knownOnAfterTheResolutionOrBeforeTheClaimIsABadRequestNamingIt() {
        String key = TestData.create(TestData.prediction(TestData.key("known")));
        resolve(key, "CORRECT", "2026-05-01", "2026-05-02")
                .statusCode(400)
                .contentType(TestData.PROBLEM_JSON)
                .body("errors.field", hasItem("knownOn"));
        resolve(key, "CORRECT", null, "2026-01-26") // madeOn is 2026-01-27
                .statusCode(400)
                .contentType(TestData.PROBLEM_JSON)
                .body("errors.field", hasItem("knownOn"));
        TestData.predictions()
                .get("{key}", key)
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("resolution", nullValue());
        resolve(key, "CORRECT", "2026-05-01", "2026-01-27")
                .statusCode(200)
                .body("resolution.knownOn", equalTo("2026-01-27"))
                .body("resolution.resolvedOn", equalTo("2026-05-01"));
    }

    @Test
    void withoutKnownOnTheAnswerWasKnownOnTheResolutionDayAndTheHistorySaysSo() {
        String key = TestData.create(TestData.prediction(TestData.key("known")));
        resolve(key, "INCORRECT", "2026-05-01", null).statusCode(200).body("resolution.knownOn", equalTo("2026-05-01"));
        TestData.predictions()
                .get("{key}/history", key)
                .then()
                .statusCode(200)
                .body("items.find { it.type == 'RESOLVED' }.details.knownOn", equalTo("2026-05-01"))
                .body("items.find { it.type == 'RESOLVED' }.details.resolvedOn", equalTo("2026-05-01"));
    }

    @Test
    void aForecastPostedAfterAReopenOnceTheAnswerWasKnownEarnsNoScoreAndDoesNotBeatTheCrowd() {
        String run = TestData.uid();
        String early1 = "early1-" + run;
        String early2 = "early2-" + run;
        String late = "late-" + run;
        String t1 = Forecasters.token(early1, "forecaster");
        String t2 = Forecasters.token(early2, "forecaster");
        String tl = Forecasters.token(late, "forecaster");
        TestClock clock = TestClock.install(DAY_1);
        String key = prediction("Known Speaker " + run, "known");
        forecast(key, t1, 0.4);
        forecast(key, t2, 0.5);
        clock.advance(Duration.ofDays(1));
        resolve(key, "CORRECT", null, null).statusCode(200).body("resolution.knownOn", equalTo("2026-06-02"));
        reopen(key);
        forecast(key, tl, 0.99);
        clock.advance(Duration.ofDays(1));
        // Resolved again, the answer known since the first resolution's day.
        resolve(key, "CORRECT", null, "2026-06-02")
                .statusCode(200)
                .body("resolution.resolvedOn", equalTo("2026-06-03"))
                .body("resolution.knownOn", equalTo("2026-06-02"));

        RestAssured.get("/api/v1/forecasters/{name}", late)
                .then()
                .statusCode(200)
                .body("scores.forecasts", equalTo(1))
                .body("scores.scored", equalTo(0))
                .body("scores.meanBrier", nullValue())
                .body("scores.relativeBrier", nullValue());
        // The crowd is the two who forecast in time: median 0.45.
        api().get("/api/v1/forecasters/{name}", early1)
                .then()
                .statusCode(200)
                .body("scores.scored", equalTo(1))
                .body("scores.crowdBrier", org.hamcrest.Matchers.closeTo(0.3025, 1e-9));
        api().get("/api/v1/speakers/{name}", "Known Speaker " + run)
                .then()
                .statusCode(200)
                .body("crowdYield", org.hamcrest.Matchers.closeTo(1 / 0.45, 1e-9))
                .body("resolved[0].crowdProbability", org.hamcrest.Matchers.closeTo(0.45, 1e-9));

        TestData.predictions()
                .get("{key}/forecasts", key)
                .then()
                .statusCode(200)
                .body("items.find { it.forecaster == '" + late + "' }.scored", equalTo(false))
                .body("items.find { it.forecaster == '" + late + "' }.unscoredBecause", equalTo("MADE_AFTER_KNOWN_ON"))
                .body("items.find { it.forecaster == '" + early1 + "' }.scored", equalTo(true))
                .body("items.find { it.forecaster == '" + early1 + "' }.unscoredBecause", nullValue());
        // Still refused while resolved.
        forecast(key, tl, Map.of("probability", 0.99)).statusCode(409);
    }

    @Test
    void reResolvedTheSameDayWithoutKnownOnTheLateForecastStillDoesNotScore() {
        String run = TestData.uid();
        String early = "early-" + run;
        String late = "late-" + run;
        String te = Forecasters.token(early, "forecaster");
        String tl = Forecasters.token(late, "forecaster");
        TestClock clock = TestClock.install(DAY_1);
        String key = prediction("Known Speaker " + run, "known");
        forecast(key, te, 0.3);
        clock.advance(Duration.ofDays(1));
        resolve(key, "CORRECT", null, null).statusCode(200);
        reopen(key);
        forecast(key, tl, 0.99);
        clock.advance(Duration.ofHours(1));
        resolve(key, "CORRECT", null, null).statusCode(200).body("resolution.knownOn", equalTo("2026-06-02"));
        RestAssured.get("/api/v1/forecasters/{name}", late)
                .then()
                .statusCode(200)
                .body("scores.scored", equalTo(0));
        RestAssured.get("/api/v1/forecasters/{name}", early)
                .then()
                .statusCode(200)
                .body("scores.scored", equalTo(1));
        TestData.predictions()
                .get("{key}/forecasts", key)
                .then()
                .statusCode(200)
                .body(
                        "items.unscoredBecause",
                        org.hamcrest.Matchers.contains(nullValue(), equalTo("MADE_AFTER_KNOWN_ON")));
        // Reopened, nothing scores, and the list says why.
        reopen(key);
        TestData.predictions()
                .get("{key}/forecasts", key)
                .then()
                .statusCode(200)
                .body("items.scored", org.hamcrest.Matchers.everyItem(equalTo(false)))
                .body("items.unscoredBecause", org.hamcrest.Matchers.everyItem(equalTo("NOT_RESOLVED")));
    }
}
