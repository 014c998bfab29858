package app.hindsight.forecast;

import static app.hindsight.forecast.Forecasters.forecast;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.StringReader;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** Recording and listing forecasts: what is accepted, what is refused and why, the aggregate, the chart. */
@QuarkusTest
class ForecastTest {

    private static String forecaster;
    private static String bearer;

    @BeforeEach
    void aForecaster() {
        if (bearer == null) {
            forecaster = "forecaster-" + TestData.uid();
            bearer = Forecasters.token(forecaster, "forecaster");
        }
    }

    @Test
    void aForecastIsRecordedInTheTokensNameAndListedWithTheAggregate() {
        String key = TestData.create(TestData.prediction(TestData.key("fc")));
        String other = Forecasters.token("other-" + TestData.uid(), "forecaster");
        forecast(key, bearer, Map.of("probability", 0.2, "note", "unlikely"))
                .statusCode(201)
                .header("Location", startsWith("http"))
                .header("Location", containsString("/api/v1/predictions/" + key + "/forecasts"))
                .body("id", notNullValue())
                .body("forecaster", equalTo(forecaster))
                .body("probability", equalTo(0.2f))
                .body("note", equalTo("unlikely"))
                .body("at", notNullValue());
        forecast(key, bearer, 0.4); // supersedes 0.2
        forecast(key, other, 0.9);
        given().get("/api/v1/predictions/{key}/forecasts", key)
                .then()
                .statusCode(200)
                .body("prediction", equalTo(key))
                .body("items", hasSize(3))
                .body("items[0].probability", equalTo(0.2f))
                .body("items[2].forecaster", startsWith("other-"))
                // The latest of each: 0.4 and 0.9.
                .body("aggregate.forecasters", equalTo(2))
                .body("aggregate.median", equalTo(0.65f))
                .body("aggregate.mean", equalTo(0.65f));
        String csv = given().accept("text/csv")
                .get("/api/v1/predictions/{key}/forecasts", key)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Assertions.assertEquals(
                "id,forecaster,probability,note,at,scored,unscoredBecause,onVersion,amendedSince",
                csv.lines().findFirst().orElseThrow());
        Assertions.assertEquals(4, csv.lines().count());
    }

    @Test
    void withoutForecastsTheAggregateIsEmpty() {
        String key = TestData.create(TestData.prediction(TestData.key("fc")));
        given().get("/api/v1/predictions/{key}/forecasts", key)
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("aggregate.forecasters", equalTo(0))
                .body("aggregate.median", nullValue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"probability\": 0}",
                "{\"probability\": 1}",
                "{\"probability\": 1.5}",
                "{\"probability\": 0.001}",
                "{\"probability\": -0.3}",
                "{\"probability\": \"likely\"}",
                "{\"probability\": \"NaN\"}",
                "{\"probability\": null}",
                "{\"note\": \"no probability\"}",
                "{\"probability\": [0.5]}"
            })
    void badProbabilitiesAreProblemsNamingTheField(String body) {
        String key = TestData.create(TestData.prediction(TestData.key("fc")));
        forecast(key, bearer, body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("probability"));
        given().get("/api/v1/predictions/{key}/forecasts", key).then().body("items", hasSize(0));
    }

    @Test
    void malformedJsonAndUnknownFieldsAreProblems() {
        String key = TestData.create(TestData.prediction(TestData.key("fc")));
        forecast(key, bearer, "{\"probability\": NaN}").statusCode(400).contentType("application/problem+json");
        forecast(key, bearer, "{\"probability\": 0.5, \"forecaster\": \"someone else\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("forecaster"));
        forecast(key, bearer, Map.of("probability", 0.5, "note", "x".repeat(2001)))
                .statusCode(400)
                .body("errors[0].field", equalTo("note"));
    }

    @Test
    void forecastsCloseWhenThePredictionIsResolvedWithdrawnOrPastItsDueDate() {
        String resolved = TestData.create(TestData.prediction(TestData.key("fc")));
        TestData.resolve(resolved);
        forecast(resolved, bearer, Map.of("probability", 0.5))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("RESOLVED"));

        String withdrawn = TestData.create(TestData.prediction(TestData.key("fc")));
        TestData.predictions()
                .contentType("application/json")
                .body("{}")
                .post("{key}/withdrawal", withdrawn)
                .then()
                .statusCode(200);
        forecast(withdrawn, bearer, Map.of("probability", 0.5))
                .statusCode(409)
                .body("detail", containsString("WITHDRAWN"));

        // Its target ended on 2025-12-31: OPEN until the scan flags it, but its dueAt has passed.
        String past = TestData.create(TestData.pastPrediction(TestData.key("fc")));
        forecast(past, bearer, Map.of("probability", 0.5)).statusCode(409).body("detail", containsString("came due"));

        // A DUE prediction whose dueAt passed takes none either.
        String due = TestData.createDue("fc");
        forecast(due, bearer, Map.of("probability", 0.5)).statusCode(409);

        forecast("no-such-prediction", bearer, Map.of("probability", 0.5)).statusCode(404);
        given().get("/api/v1/predictions/no-such-prediction/forecasts").then().statusCode(404);
    }

    @Test
    void theCalibrationChartIsSvgWithTheBinsDrawn() throws Exception {
        String key = TestData.create(TestData.prediction(TestData.key("fc")));
        forecast(key, bearer, 0.7);
        Forecasters.resolve(key, "CORRECT");
        String svg = given().get("/api/v1/forecasters/{name}/calibration.svg", forecaster)
                .then()
                .statusCode(200)
                .contentType("image/svg+xml")
                .extract()
                .asString();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        Assertions.assertEquals("svg", doc.getDocumentElement().getLocalName());
        Assertions.assertEquals(
                "http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
        Assertions.assertTrue(svg.contains("Calibration of " + forecaster), "the title names the forecaster");
        Assertions.assertTrue(svg.contains("probability given"), "the x axis is labelled");
        Assertions.assertTrue(doc.getElementsByTagNameNS("*", "path").getLength() > 0, "lines and points drawn");
        given().get("/api/v1/forecasters/{name}/calibration.svg", "nobody-" + TestData.uid())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badListParametersAreProblems() {
        given().queryParam("minScored", "-1").get("/api/v1/forecasters").then().statusCode(400);
        given().queryParam("minScored", "many")
                .get("/api/v1/forecasters")
                .then()
                .statusCode(400);
        given().queryParam("limit", "0").get("/api/v1/forecasters").then().statusCode(400);
        given().queryParam("cursor", "nonsense").get("/api/v1/speakers").then().statusCode(400);
        given().get("/api/v1/speakers/{name}", "Nobody " + TestData.uid())
                .then()
                .statusCode(404);
    }

    @Test
    void theForecastersListPagesWithACursor() {
        for (int i = 0; i < 3; i++) {
            String key = TestData.create(TestData.prediction(TestData.key("fc")));
            forecast(key, Forecasters.token("pager-" + i + "-" + TestData.uid(), "forecaster"), 0.5);
        }
        String next = given().queryParam("limit", 2)
                .get("/api/v1/forecasters")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .header("Link", containsString("rel=\"next\""))
                .extract()
                .path("nextCursor");
        given().queryParam("limit", 2)
                .queryParam("cursor", next)
                .get("/api/v1/forecasters")
                .then()
                .statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.greaterThan(0));
    }
}
