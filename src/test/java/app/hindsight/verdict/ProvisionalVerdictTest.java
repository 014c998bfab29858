package app.hindsight.verdict;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.hindsight.ExpectedLogs;
import app.hindsight.TestClock;
import app.hindsight.notify.Notice;
import app.hindsight.prediction.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;

/**
 * A verdict is PROVISIONAL for the dispute window (7 days here), then FINAL by the verdict-finalisation job, once
 * however often or concurrently it runs; records, scores and stats count it only then, unless asked.
 */
@QuarkusTest
@TestProfile(VerdictWindowProfile.class)
class ProvisionalVerdictTest {

    private static final Instant START = Instant.parse("2026-06-01T10:00:00Z");
    private static final String RUNS = "/api/v1/jobs/" + VerdictFinalisation.NAME + "/runs";

    @Inject
    VerdictFinalisation job;

    @Test
    void aVerdictIsProvisionalForTheWindowThenFinalOnceWithItsEventAndNotice() {
        String run = TestData.uid();
        String speaker = "Window Speaker " + run;
        String forecaster = "window-fc-" + run;
        TestClock clock = TestClock.install(START);
        String key = create(speaker);
        forecast(token(forecaster), key, 0.8);
        clock.advance(Duration.ofDays(1));
        Instant resolvedAt = START.plus(Duration.ofDays(1));
        Instant finalAt = resolvedAt.plus(Duration.ofDays(7));
        int excludedBefore = given().get("/api/v1/stats").then().extract().path("provisionalExcluded");
        resolve(key, "CORRECT")
                .body("resolution.state", equalTo("PROVISIONAL"))
                .body("resolution.finalAt", equalTo(finalAt.toString()));

        given().accept("text/html")
                .get("/desk/predictions/{key}", key)
                .then()
                .statusCode(200)
                .body(containsString("Provisional until <time datetime=\"" + finalAt + "\">"));

        // Before the window has passed the job leaves it alone, and the figures leave it out, saying so.
        clock.set(finalAt.minusSeconds(1));
        given().post(RUNS).then().statusCode(200).body("result.finalised", equalTo(0));
        state(key).body("resolution.state", equalTo("PROVISIONAL"));
        doubles()
                .get("/api/v1/speakers/{name}", speaker)
                .then()
                .statusCode(200)
                .body("byStatus.RESOLVED", equalTo(1))
                .body("outcomes.CORRECT", equalTo(0))
                .body("hitRate", nullValue())
                .body("withForecasts", equalTo(0))
                .body("provisionalExcluded", equalTo(1));
        doubles()
                .queryParam("includeProvisional", "true")
                .get("/api/v1/speakers/{name}", speaker)
                .then()
                .statusCode(200)
                .body("outcomes.CORRECT", equalTo(1))
                .body("hitRate", closeTo(1.0, 1e-9))
                .body("withForecasts", equalTo(1))
                .body("provisionalExcluded", equalTo(0));
        given().get("/api/v1/speakers")
                .then()
                .statusCode(200)
                .body("items.find { it.name == '" + speaker + "' }.provisionalExcluded", equalTo(1));
        given().get("/api/v1/forecasters/{name}", forecaster)
                .then()
                .statusCode(200)
                .body("scored", equalTo(0))
                .body("provisionalExcluded", equalTo(1));
        given().queryParam("includeProvisional", "true")
                .get("/api/v1/forecasters/{name}", forecaster)
                .then()
                .statusCode(200)
                .body("scored", equalTo(1))
                .body("provisionalExcluded", equalTo(0));
        given().get("/api/v1/stats")
                .then()
                .statusCode(200)
                .body("outcomesBySpeaker.'" + speaker + "'", nullValue())
                .body("provisionalExcluded", equalTo(excludedBefore + 1));
        given().queryParam("includeProvisional", "true")
                .get("/api/v1/stats")
                .then()
                .statusCode(200)
                .body("outcomesBySpeaker.'" + speaker + "'.CORRECT", equalTo(1))
                .body("provisionalExcluded", equalTo(0));
        given().queryParam("includeProvisional", "maybe")
                .get("/api/v1/stats")
                .then()
                .statusCode(400)
                .contentType(TestData.PROBLEM_JSON)
                .body("errors.field", hasItem("includeProvisional"));

        // Past the window: FINAL, one VERDICT_FINAL event and one notice however often the job runs.
        clock.set(finalAt);
        given().post(RUNS).then().statusCode(200).body("result.finalised", equalTo(1));
        given().post(RUNS).then().statusCode(200).body("result.finalised", equalTo(0));
        assertEquals(0, job.run().finalised());
        state(key).body("resolution.state", equalTo("FINAL")).body("resolution.finalAt", equalTo(finalAt.toString()));
        TestData.predictions()
                .get("{key}/history", key)
                .then()
                .statusCode(200)
                .body("items.findAll { it.type == 'VERDICT_FINAL' }.size()", equalTo(1))
                .body("items.find { it.type == 'VERDICT_FINAL' }.actor", equalTo("scheduler"))
                .body("items.find { it.type == 'VERDICT_FINAL' }.details.outcome", equalTo("CORRECT"));
        assertEquals(List.of(Notice.VERDICT_FINAL), notices(key));
        String payload = QuarkusTransaction.requiringNew()
                .call(() -> Notice.<Notice>find("predictionKey", key).firstResult().payload);
        io.restassured.path.json.JsonPath notice = new io.restassured.path.json.JsonPath(payload);
        assertEquals("prediction.verdict-final", notice.getString("type"));
        assertEquals(key, notice.getString("data.prediction.key"));
        assertEquals("CORRECT", notice.getString("data.outcome"));
        assertEquals(finalAt.toString(), notice.getString("data.finalAt"));
        doubles()
                .get("/api/v1/speakers/{name}", speaker)
                .then()
                .statusCode(200)
                .body("outcomes.CORRECT", equalTo(1))
                .body("hitRate", closeTo(1.0, 1e-9))
                .body("provisionalExcluded", equalTo(0));
        given().get("/api/v1/forecasters/{name}", forecaster).then().body("scored", equalTo(1));
        given().accept("text/html")
                .get("/desk/predictions/{key}", key)
                .then()
                .statusCode(200)
                .body(containsString("Final since"));
    }

    @Test
    void aReopenClearsTheStateAndTheJobLeavesTheReopenedAlone() {
        TestClock clock = TestClock.install(START);
        String key = create("Reopen Speaker " + TestData.uid());
        resolve(key, "INCORRECT").body("resolution.state", equalTo("PROVISIONAL"));
        TestData.predictions()
                .delete("{key}/resolution", key)
                .then()
                .statusCode(200)
                .body("resolution", nullValue());
        clock.advance(Duration.ofDays(8));
        assertEquals(0, job.run().finalised());
        assertEquals(List.of(), notices(key));
        resolve(key, "CORRECT")
                .body("resolution.state", equalTo("PROVISIONAL"))
                .body(
                        "resolution.finalAt",
                        equalTo(START.plus(Duration.ofDays(15)).toString()));
    }

    @Test
    void concurrentRunsFinaliseEachVerdictOnce() throws Exception {
        TestClock clock = TestClock.install(START);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String key = create("Race Speaker " + TestData.uid());
            resolve(key, "CORRECT");
            keys.add(key);
        }
        clock.advance(Duration.ofDays(7));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int finalised = 0;
        // A run that waited on the other's row lock may log its rolled-back batch: captured, not printed.
        try (ExpectedLogs collisions = ExpectedLogs.capture("com.arjuna", "app.hindsight.jobs")) {
            List<Callable<VerdictFinalisation.Result>> runs = List.of(job::run, job::run);
            for (Future<VerdictFinalisation.Result> f : pool.invokeAll(runs)) {
                finalised += f.get().finalised();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(keys.size(), finalised);
        for (String key : keys) {
            assertEquals(List.of(Notice.VERDICT_FINAL), notices(key), key);
            state(key).body("resolution.state", equalTo("FINAL"));
            TestData.predictions()
                    .get("{key}/history", key)
                    .then()
                    .body("items.findAll { it.type == 'VERDICT_FINAL' }.size()", equalTo(1));
        }
    }

    private static RequestSpecification doubles() {
        return RestAssured.given()
                .config(RestAssuredConfig.config()
                        .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE)));
    }

    private static String create(String speaker) {
        Map<String, Object> body = TestData.prediction(TestData.key("window"));
        body.put("speaker", speaker);
        return TestData.create(body);
    }

    private static io.restassured.response.ValidatableResponse resolve(String key, String outcome) {
        return TestData.predictions()
                .contentType("application/json")
                .body(Map.of("outcome", outcome, "note", "checked"))
                .post("{key}/resolution", key)
                .then()
                .statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse state(String key) {
        return TestData.predictions().get("{key}", key).then().statusCode(200);
    }

    private static String token(String name) {
        return "Bearer "
                + given().contentType("application/json")
                        .body(Map.of("name", name, "roles", List.of("forecaster")))
                        .post("/api/v1/tokens")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("token");
    }

    private static void forecast(String token, String key, double probability) {
        given().header("Authorization", token)
                .contentType("application/json")
                .body(Map.of("probability", probability))
                .post("/api/v1/predictions/{key}/forecasts", key)
                .then()
                .statusCode(201);
    }

    private static List<String> notices(String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Notice.<Notice>list("predictionKey = ?1 order by id", key).stream()
                        .map(n -> n.kind)
                        .toList());
    }
}
