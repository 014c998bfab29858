package app.hindsight.trajectory;

import static app.hindsight.trajectory.ObservationTest.observe;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import app.hindsight.TestClock;
import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.ValidatableResponse;

/**
 * GET trajectory against the figures worked out by hand in src/docs/track-records.md (the town hall's 100x claim), on
 * 2026-11-29, and its verdicts through the API.
 */
@QuarkusTest
class TrajectoryTest {

    @BeforeEach
    void onTheDayOfTheWorkedExample() {
        TestClock.install(Instant.parse("2026-11-29T12:00:00Z"));
    }

    /** The 100x claim: 3.4375 USD per million tokens on 2026-01-27 to 0.034375 by 2027-12-31, LOG. */
    static String hundredFoldBy2027() {
        return TestData.create(TestData.hundredFold(TestData.key("traj")));
    }

    static ValidatableResponse trajectory(String key) {
        return RestAssured.given()
                .config(RestAssuredConfig.config()
                        .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE)))
                .get("/api/v1/predictions/{key}/trajectory", key)
                .then();
    }

    @Test
    void theHundredFoldClaimHalfwayInRatiosIsOnTrack() {
        String key = hundredFoldBy2027();
        trajectory(key)
                .statusCode(200)
                .body("verdict", equalTo("NO_DATA"))
                .body("latest", nullValue())
                .body("expectedProgress", closeTo(306.0 / 703, 1e-9));
        int id = observe(key, Map.of("on", "2026-11-29", "value", 0.34375))
                .statusCode(201)
                .extract()
                .path("id");
        trajectory(key)
                .statusCode(200)
                .body("baseline.value", closeTo(3.4375, 1e-12))
                .body("baseline.on", equalTo("2026-01-27"))
                .body("target", closeTo(0.034375, 1e-12))
                .body("targetDate", equalTo("2027-12-31"))
                .body("latest.on", equalTo("2026-11-29"))
                // ln 0.1 / ln 0.01
                .body("progress", closeTo(0.5, 1e-12))
                // 306 of 703 days
                .body("expectedProgress", closeTo(306.0 / 703, 1e-9))
                // exp(ln 0.1 / (306 / 365.25)) = 10^(-365.25 / 306)
                .body("fit.ratePerYear", closeTo(Math.pow(10, -365.25 / 306), 1e-9))
                .body("fit.method", equalTo("least-squares-log"))
                // t* = ln 0.01 / slope = 612 days after 2026-01-27
                .body("projectedOn", equalTo("2027-10-01"))
                .body("verdict", equalTo("ON_TRACK"))
                // Why "on track" at 50% of the way: measured in factors, and the fit, not the two shares, decides.
                .body("progressScale", equalTo("LOG"))
                .body("explanation", containsString("measured on a log scale, in factors"))
                .body("explanation", containsString("0.34375, is 10 times less than the baseline: 50% of the way"))
                .body("explanation", containsString("reaches the target on 2027-10-01, not after the target date"));

        // Retracted, it no longer counts; an observation that only halved the price is behind.
        given().delete("/api/v1/predictions/{key}/observations/{id}", key, id)
                .then()
                .statusCode(200);
        observe(key, Map.of("on", "2026-11-29", "value", 1.71875)).statusCode(201);
        trajectory(key)
                .body("progress", closeTo(Math.log(2) / Math.log(100), 1e-9))
                .body("projectedOn", equalTo("2031-08-22"))
                .body("verdict", equalTo("BEHIND"));
        // Below the target: reached.
        observe(key, Map.of("on", "2026-11-29", "value", 0.03)).statusCode(201);
        trajectory(key).body("verdict", equalTo("REACHED"));
    }

    @Test
    void anUndatedPredictionIsProjectedOnly() {
        Map<String, Object> body = TestData.prediction(TestData.key("traj"));
        body.put("target", Map.of("basis", "NONE"));
        body.put("reviewEvery", "P1Y");
        body.put(
                "metric",
                Map.of(
                        "name", "context window",
                        "unit", "tokens",
                        "baseline", Map.of("value", 400000, "on", "2026-01-27"),
                        "target", 40000000,
                        "direction", "INCREASE",
                        "scale", "LOG"));
        String key = TestData.create(body);
        observe(key, Map.of("on", "2026-11-29", "value", 4000000)).statusCode(201);
        trajectory(key)
                .statusCode(200)
                .body("targetDate", nullValue())
                .body("expectedProgress", nullValue())
                .body("progress", closeTo(0.5, 1e-12))
                .body("projectedOn", equalTo("2027-10-01"))
                .body("verdict", equalTo("UNDATED"));
    }

    @Test
    void aLinearMetric() {
        Map<String, Object> body = TestData.prediction(TestData.key("traj"));
        body.put("target", TestData.target("2026-12-31", "YEAR", "EXPLICIT", "by the end of 2026"));
        body.put(
                "metric",
                Map.of(
                        "name", "share of code written by AI",
                        "unit", "percent",
                        "baseline", Map.of("value", 20, "on", "2026-01-01"),
                        "target", 80,
                        "direction", "INCREASE"));
        String key = TestData.create(body);
        // 2026-01-01 .. 2026-07-02 is 182 days; 20 -> 50 is half the way.
        observe(key, Map.of("on", "2026-07-02", "value", 50)).statusCode(201);
        double slope = 30 / (182 / 365.25);
        trajectory(key)
                .body("progress", closeTo(0.5, 1e-12))
                .body("expectedProgress", closeTo(332.0 / 364, 1e-9))
                .body("fit.ratePerYear", closeTo(slope, 1e-9))
                .body("fit.method", equalTo("least-squares"))
                .body("projectedOn", equalTo("2026-12-31"))
                .body("verdict", equalTo("ON_TRACK"));
    }

    @Test
    void withoutAMetricThereIsNoTrajectory() {
        String key = TestData.create(TestData.prediction(TestData.key("traj")));
        trajectory(key)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("metric"));
        given().get("/api/v1/predictions/{key}/trajectory.svg", key).then().statusCode(409);
        trajectory("no-such-prediction").statusCode(404);
    }

    @Test
    void theChartIsSvg() throws Exception {
        String key = hundredFoldBy2027();
        observe(key, Map.of("on", "2026-11-29", "value", 0.34375)).statusCode(201);
        String svg = given().get("/api/v1/predictions/{key}/trajectory.svg", key)
                .then()
                .statusCode(200)
                .contentType("image/svg+xml")
                .extract()
                .asString();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        Assertions.assertEquals("svg", doc.getDocumentElement().getLocalName());
        Assertions.assertTrue(svg.contains("blended API price"), "the title is the metric's name");
        Assertions.assertTrue(svg.contains("2026-11-29"), "the observation is labelled with its day");
    }
}
