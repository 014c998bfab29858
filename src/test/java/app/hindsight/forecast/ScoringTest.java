package app.hindsight.forecast;

import static app.hindsight.forecast.Forecasters.forecast;
import static app.hindsight.forecast.Forecasters.prediction;
import static app.hindsight.forecast.Forecasters.reopen;
import static app.hindsight.forecast.Forecasters.resolve;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import app.hindsight.TestClock;
import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;

/**
 * Scores, crowd and track records on a small fixed set, each figure worked out by hand below and compared with the
 * API. Forecasters A, B and C; one speaker; seven predictions:
 *
 * <pre>
 *   P1  A 0.8, B 0.6, C 0.3              CORRECT            crowd median 0.6
 *   P2  A 0.3, B 0.5                     INCORRECT          crowd 0.4
 *   P3  A 0.7 then 0.6 (latest), C 0.2   PARTIALLY_CORRECT  crowd 0.4
 *   P4  A 0.9, B 0.9                     UNVERIFIABLE       not scored
 *   P5  A 0.9, B 0.9; INCORRECT, reopened; A 0.2; INCORRECT  crowd 0.55 (A's 0.2 counts: the latest before the close)
 *   P6  A 0.4; CORRECT, then reopened and left open       not scored (reopening unscores)
 *   P7  C 0.2 (topic "upset")            CORRECT            crowd 0.2: against the crowd
 * </pre>
 *
 * The forecasts are made on a day before the one each resolution is recorded (and known) on, A's 0.2 on P5 the day
 * before its second resolution; KnownOnTest covers forecasts made on or after knownOn.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoringTest {

    private static final double EPS = 1e-9;

    private final String run = TestData.uid();
    private final String a = "fa-" + run;
    private final String b = "fb-" + run;
    private final String c = "fc-" + run;
    private final String speaker = "Scored Speaker " + run;
    private final String upset = "upset-" + run;

    private boolean ready;

    /** Once per class; in a @BeforeEach because RestAssured knows the test port only from there on. */
    @BeforeEach
    void forecastAndResolve() {
        if (ready) {
            return;
        }
        ready = true;
        String ta = Forecasters.token(a, "forecaster");
        String tb = Forecasters.token(b, "forecaster");
        String tc = Forecasters.token(c, "forecaster");
        // Forecasts on one day, resolutions on the next: a forecast made on the day the answer became known (by
        // default the resolution day) does not score.
        TestClock clock = TestClock.install(Instant.parse("2026-06-01T10:00:00Z"));
        String p1 = prediction(speaker, "scoring");
        forecast(p1, ta, 0.8);
        forecast(p1, tb, 0.6);
        forecast(p1, tc, 0.3);
        String p2 = prediction(speaker, "scoring");
        forecast(p2, ta, 0.3);
        forecast(p2, tb, 0.5);
        String p3 = prediction(speaker, "scoring");
        forecast(p3, ta, 0.7);
        forecast(p3, ta, 0.6);
        forecast(p3, tc, 0.2);
        String p4 = prediction(speaker, "scoring");
        forecast(p4, ta, 0.9);
        forecast(p4, tb, 0.9);
        String p5 = prediction(speaker, "scoring");
        forecast(p5, ta, 0.9);
        forecast(p5, tb, 0.9);
        String p6 = prediction(speaker, "scoring");
        forecast(p6, ta, 0.4);
        String p7 = prediction(speaker, "scoring", upset);
        forecast(p7, tc, 0.2);
        clock.advance(Duration.ofDays(1));
        resolve(p1, "CORRECT");
        resolve(p2, "INCORRECT");
        resolve(p3, "PARTIALLY_CORRECT");
        resolve(p4, "UNVERIFIABLE");
        resolve(p5, "INCORRECT");
        reopen(p5);
        forecast(p5, ta, 0.2);
        resolve(p6, "CORRECT");
        reopen(p6);
        resolve(p7, "CORRECT");
        clock.advance(Duration.ofDays(1));
        resolve(p5, "INCORRECT");
    }

    @Test
    void forecasterScoresAreTheMeansOfTheLatestForecastBeforeEachClose() {
        // A: P1 0.8/1, P2 0.3/0, P3 0.6/0.5, P5 0.2/0 (P4 unverifiable, P6 reopened).
        double brierA = (0.04 + 0.09 + 0.01 + 0.04) / 4;
        double logA = (Math.log(0.8) + Math.log(0.7) + (0.5 * Math.log(0.6) + 0.5 * Math.log(0.4)) + Math.log(0.8)) / 4;
        // The crowd on A's four: P1 0.6/1, P2 0.4/0, P3 0.4/0.5, P5 0.55/0.
        double crowdA = (0.16 + 0.16 + 0.01 + 0.3025) / 4;
        JsonPath json = record(a);
        assertClose(brierA, json.getDouble("meanBrier"));
        assertClose(logA, json.getDouble("meanLog"));
        assertClose(crowdA, json.getDouble("crowdBrier"));
        assertClose(brierA - crowdA, json.getDouble("relativeBrier"));
        org.junit.jupiter.api.Assertions.assertEquals(4, json.getInt("scored"));
        // Every forecast counts in forecasts: P1 1, P2 1, P3 2, P4 1, P5 2, P6 1.
        org.junit.jupiter.api.Assertions.assertEquals(8, json.getInt("forecasts"));

        // C: P1 0.3/1, P3 0.2/0.5, P7 0.2/1; the crowd there: 0.6/1, 0.4/0.5, 0.2/1.
        JsonPath cj = record(c);
        assertClose((0.49 + 0.09 + 0.64) / 3, cj.getDouble("meanBrier"));
        assertClose((0.16 + 0.01 + 0.64) / 3, cj.getDouble("crowdBrier"));
        // B: P1 0.6/1, P2 0.5/0, P5 0.9/0 (made before the first resolution, still B's latest before the second).
        JsonPath bj = record(b);
        assertClose((0.16 + 0.25 + 0.81) / 3, bj.getDouble("meanBrier"));
        assertClose(((Math.log(0.6)) + Math.log(0.5) + Math.log(0.1)) / 3, bj.getDouble("meanLog"));
    }

    @Test
    void calibrationBinsHoldTheScoredForecasts() {
        JsonPath json = record(a);
        List<Integer> counts = json.getList("calibration.forecasts", Integer.class);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(0, 0, 1, 1, 0, 0, 1, 0, 1, 0), counts);
        assertClose(0.6, json.getDouble("calibration[6].meanProbability"));
        assertClose(0.5, json.getDouble("calibration[6].observedFrequency"));
        assertClose(0.8, json.getDouble("calibration[8].from"));
        assertClose(0.9, json.getDouble("calibration[8].to"));
        assertClose(1.0, json.getDouble("calibration[8].observedFrequency"));
        org.junit.jupiter.api.Assertions.assertNull(json.get("calibration[0].meanProbability"));
    }

    @Test
    void theListRanksBestFirstAndFiltersByScored() {
        // A's relative Brier is -0.113, C's 0.137, B's 0.4067 - (0.16 + 0.16 + 0.3025) / 3 = 0.2142.
        List<String> names = api().queryParam("minScored", 3)
                .queryParam("limit", 500)
                .get("/api/v1/forecasters")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.name", String.class);
        List<String> ours = names.stream().filter(n -> n.endsWith(run)).toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(a, c, b), ours);
        List<String> four = api().queryParam("minScored", 4)
                .queryParam("limit", 500)
                .get("/api/v1/forecasters")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.name", String.class);
        org.junit.jupiter.api.Assertions.assertEquals(
                List.of(a), four.stream().filter(n -> n.endsWith(run)).toList());
    }

    @Test
    void speakerTrackRecord() {
        // Resolved: P1 C, P2 I, P3 P, P4 U, P5 I, P7 C; P6 open again.
        double hitRate = (2 + 0.5) / 5;
        // o / crowd over P1 1/0.6, P2 0/0.4, P3 0.5/0.4, P5 0/0.55, P7 1/0.2.
        double yield = (1 / 0.6 + 0 + 0.5 / 0.4 + 0 + 1 / 0.2) / 5;
        double z = 1.959963984540054;
        double n = 5;
        double centre = (hitRate + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(hitRate * (1 - hitRate) / n + z * z / (4 * n * n));
        api().get("/api/v1/speakers/{name}", speaker.toUpperCase())
                .then()
                .statusCode(200)
                .body("name", equalTo(speaker))
                .body("predictions", equalTo(7))
                .body("byStatus.RESOLVED", equalTo(6))
                .body("byStatus.OPEN", equalTo(1))
                .body("byStatus.WITHDRAWN", equalTo(0))
                .body("outcomes.CORRECT", equalTo(2))
                .body("outcomes.INCORRECT", equalTo(2))
                .body("outcomes.PARTIALLY_CORRECT", equalTo(1))
                .body("outcomes.UNVERIFIABLE", equalTo(1))
                .body("hitRate", closeTo(hitRate, EPS))
                .body("hitRateInterval.low", closeTo(centre - half, EPS))
                .body("hitRateInterval.high", closeTo(centre + half, EPS))
                .body("crowdYield", closeTo(yield, EPS))
                .body("withForecasts", equalTo(5))
                .body("againstTheCrowd", equalTo(1))
                .body("byKind.FORECAST.predictions", equalTo(7))
                .body("byTopic.'" + upset + "'.predictions", equalTo(1))
                .body("byTopic.'" + upset + "'.againstTheCrowd", equalTo(1))
                .body("byTopic.'" + upset + "'.crowdYield", closeTo(5.0, EPS))
                .body("byTopic.scoring.predictions", equalTo(7))
                .body("resolved.size()", equalTo(6))
                .body("resolved.find { it.outcome == 'UNVERIFIABLE' }.crowdProbability", nullValue())
                .body("resolved.find { it.outcome == 'PARTIALLY_CORRECT' }.crowdProbability", closeTo(0.4, EPS));
    }

    @Test
    void speakerListAndCsv() {
        api().queryParam("limit", 500)
                .get("/api/v1/speakers")
                .then()
                .statusCode(200)
                .body("items.find { it.name == '" + speaker + "' }.hitRate", closeTo(0.5, EPS))
                .body("items.find { it.name == '" + speaker + "' }.byKind", nullValue());
        String csv = api().accept("text/csv")
                .get("/api/v1/speakers")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(
                csv.startsWith("name,predictions,open,due,resolved,withdrawn,correct,partiallyCorrect,incorrect,"),
                csv.lines().findFirst().orElse(""));
        String row = csv.lines()
                .filter(l -> l.startsWith("\"" + speaker + "\","))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + speaker + " in\n" + csv));
        org.junit.jupiter.api.Assertions.assertTrue(
                row.startsWith("\"" + speaker + "\",7,1,0,6,0,2,1,2,1,0,0.5,"), row);
    }

    @Test
    void forecastersCsv() {
        String csv = api().accept("text/csv")
                .get("/api/v1/forecasters")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String row = csv.lines()
                .filter(l -> l.startsWith(a + ","))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + a + " in\n" + csv));
        org.junit.jupiter.api.Assertions.assertTrue(row.startsWith(a + ",8,4,0.045"), row);
    }

    /** Requests whose JSON decimals are doubles (RestAssured reads them as floats by default). */
    private static RequestSpecification api() {
        return RestAssured.given()
                .config(RestAssuredConfig.config()
                        .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE)));
    }

    private static JsonPath record(String name) {
        return api().get("/api/v1/forecasters/{name}", name)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(new JsonPathConfig(NumberReturnType.DOUBLE));
    }

    private static void assertClose(double expected, double actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual, EPS);
    }
}
