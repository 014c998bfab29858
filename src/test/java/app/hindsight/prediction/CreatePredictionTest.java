package app.hindsight.prediction;

import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.create;
import static app.hindsight.prediction.TestData.createSource;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.prediction;
import static app.hindsight.prediction.TestData.source;
import static app.hindsight.prediction.TestData.target;
import static app.hindsight.prediction.TestData.uid;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPEndpoint;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestHTTPEndpoint(PredictionResource.class)
class CreatePredictionTest {

    @Test
    void createdPredictionIsOpenWithLocationAndETag() {
        String key = key("create");
        Map<String, Object> body = prediction(key);
        body.put("quote", Map.of("text", "到2030年底", "lang", "zh-Hant", "locator", "§5"));
        body.put("topics", List.of("cost", "models"));
        body.put("resolutionCriteria", "Compare price lists.");

        given().contentType("application/json")
                .body(body)
                .when()
                .post()
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/predictions/" + key))
                .header("ETag", equalTo("\"0\""))
                .body("key", equalTo(key))
                .body("statement", equalTo(body.get("statement")))
                .body("kind", equalTo("FORECAST"))
                .body("speaker", equalTo("Test Speaker"))
                .body("madeOn", equalTo("2026-01-27"))
                .body("quote.text", equalTo("到2030年底"))
                .body("quote.lang", equalTo("zh-Hant"))
                .body("quote.locator", equalTo("§5"))
                .body("topics", equalTo(List.of("cost", "models")))
                .body("target.date", equalTo("2030-12-31"))
                .body("target.precision", equalTo("YEAR"))
                .body("target.basis", equalTo("EXPLICIT"))
                .body("target.label", equalTo("by the end of 2030"))
                .body("dueAt", equalTo("2031-01-01T00:00:00Z"))
                .body("nextReviewOn", equalTo("2031-01-01"))
                .body("resolutionCriteria", equalTo("Compare price lists."))
                .body("status", equalTo("OPEN"))
                .body("resolution", nullValue())
                .body("version", equalTo(0));

        given().get("{key}", key)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("key", equalTo(key))
                .body("status", equalTo("OPEN"))
                .body("topics", equalTo(List.of("cost", "models")));
    }

    @Test
    void keyIsGeneratedFromTheStatementAndMadeUniqueWithASuffix() {
        String word = "zebra" + uid();
        Map<String, Object> body = prediction(null);
        body.put("statement", "The " + word + " herds will outnumber horses by 2030.");

        String first = create(body);
        String second = create(body);

        String expected = word + "-herds-outnumber-horses-2030";
        org.junit.jupiter.api.Assertions.assertEquals(expected, first);
        org.junit.jupiter.api.Assertions.assertEquals(expected + "-2", second);
        given().get("{key}", second).then().statusCode(200).body("statement", equalTo(body.get("statement")));
    }

    @Test
    void duplicateKeyIsAConflict() {
        String key = create(prediction(key("dup")));

        given().contentType("application/json")
                .body(prediction(key))
                .when()
                .post()
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(409))
                .body("detail", containsString(key));
    }

    @Test
    void speakerAndMadeOnDefaultFromTheSource() {
        String sourceKey = createSource(source(key("src")));
        Map<String, Object> body = prediction(key("from-source"));
        body.remove("speaker");
        body.remove("madeOn");
        body.put("source", sourceKey);

        given().contentType("application/json")
                .body(body)
                .when()
                .post()
                .then()
                .statusCode(201)
                .body("source", equalTo(sourceKey))
                .body("speaker", equalTo("Speaker of " + sourceKey))
                .body("madeOn", equalTo("2026-01-27"));
    }

    @Test
    void speakerAndMadeOnGivenOverrideTheSource() {
        String sourceKey = createSource(source(key("src")));
        Map<String, Object> body = prediction(key("override-source"));
        body.put("source", sourceKey);
        body.put("speaker", "Someone Else");
        body.put("madeOn", "2026-02-01");

        given().contentType("application/json")
                .body(body)
                .when()
                .post()
                .then()
                .statusCode(201)
                .body("speaker", equalTo("Someone Else"))
                .body("madeOn", equalTo("2026-02-01"));
    }

    @Test
    void predictionWithoutTargetDateNeedsAndKeepsAReviewCadence() {
        Map<String, Object> body = prediction(key("undated"));
        body.put("target", target(null, null, "NONE", "in the coming years"));
        body.put("reviewEvery", "P6M");

        given().contentType("application/json")
                .body(body)
                .when()
                .post()
                .then()
                .statusCode(201)
                .body("target.basis", equalTo("NONE"))
                .body("reviewEvery", equalTo("P6M"))
                .body("dueAt", nullValue());
    }

    @Test
    void nextReviewOnIsTheEarlierOfTheDueDateAndThePeriodicReview() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        Map<String, Object> soon = prediction(key("review-soon"));
        soon.put("reviewEvery", "P6M");
        given().contentType("application/json")
                .body(soon)
                .post()
                .then()
                .statusCode(201)
                .body("dueAt", equalTo("2031-01-01T00:00:00Z"))
                .body("nextReviewOn", equalTo(today.plusMonths(6).toString()));

        Map<String, Object> late = prediction(key("review-late"));
        late.put("reviewEvery", "P10Y");
        given().contentType("application/json")
                .body(late)
                .post()
                .then()
                .statusCode(201)
                .body("nextReviewOn", equalTo("2031-01-01"));
    }

    @Test
    void quarterAndMonthDatesAreTheLastDayOfTheirWindow() {
        Map<String, Object> quarter = prediction(key("quarter-ok"));
        quarter.put("target", target("2030-09-30", "QUARTER", "EXPLICIT", "by Q3 2030"));
        given().contentType("application/json")
                .body(quarter)
                .post()
                .then()
                .statusCode(201)
                .body("dueAt", equalTo("2030-10-01T00:00:00Z"));

        Map<String, Object> badQuarter = prediction(key("quarter-bad"));
        badQuarter.put("target", target("2030-05-31", "QUARTER", "EXPLICIT", "by Q2 2030"));
        post(badQuarter).body("errors.find { it.field == 'target.date' }.message", containsString("2030-06-30"));

        Map<String, Object> badMonth = prediction(key("month-bad"));
        badMonth.put("target", target("2030-02-27", "MONTH", "EXPLICIT", "by February 2030"));
        post(badMonth).body("errors.find { it.field == 'target.date' }.message", containsString("2030-02-28"));
    }

    // --- 400s ---------------------------------------------------------------------------------

    @Test
    void malformedJsonIsABadRequest() {
        postRaw("{\"statement\": ").then().body("errors.field", hasItem("body"));
    }

    @Test
    void unknownFieldIsABadRequest() {
        Map<String, Object> body = prediction(key("unknown"));
        body.put("bogus", 1);
        post(body).body("errors.field", hasItem("bogus"));
    }

    @Test
    void numberForStatementIsABadRequest() {
        Map<String, Object> body = prediction(key("wrong-type"));
        body.put("statement", 42);
        post(body).body("errors.field", hasItem("statement"));
    }

    @Test
    void unknownKindIsABadRequest() {
        Map<String, Object> body = prediction(key("bad-kind"));
        body.put("kind", "PROPHECY");
        post(body)
                .body("errors.field", hasItem("kind"))
                .body("errors.find { it.field == 'kind' }.message", containsString("FORECAST"));
    }

    @Test
    void impossibleDateIsABadRequest() {
        Map<String, Object> body = prediction(key("bad-date"));
        body.put("madeOn", "2026-13-01");
        post(body).body("errors.field", hasItem("madeOn"));
    }

    @Test
    void undatedPredictionWithoutReviewCadenceIsABadRequest() {
        Map<String, Object> body = prediction(key("no-cadence"));
        body.put("target", target(null, null, "NONE", null));
        post(body).body("errors.field", hasItem("reviewEvery"));
    }

    @Test
    void explicitTargetWithoutDateIsABadRequest() {
        Map<String, Object> body = prediction(key("no-date"));
        body.put("target", target(null, "YEAR", "EXPLICIT", "some day"));
        post(body).body("errors.field", hasItem("target.date"));
    }

    @Test
    void yearPrecisionDateMustBeTheLastDayOfTheYear() {
        Map<String, Object> body = prediction(key("mid-year"));
        body.put("target", target("2030-06-30", "YEAR", "EXPLICIT", "in 2030"));
        post(body)
                .body("errors.field", hasItem("target.date"))
                .body("errors.find { it.field == 'target.date' }.message", containsString("2030-12-31"));
    }

    @Test
    void inferredTargetWithoutLabelIsABadRequest() {
        Map<String, Object> body = prediction(key("no-label"));
        body.put("target", target("2030-12-31", "YEAR", "INFERRED", null));
        post(body).body("errors.field", hasItem("target.label"));
    }

    @Test
    void badTopicTagIsABadRequest() {
        Map<String, Object> body = prediction(key("bad-topic"));
        body.put("topics", List.of("cost", "Not A Tag"));
        post(body).body("errors.field", hasItem(startsWith("topics"))).body("errors.field", hasItem("topics[1]"));
    }

    @Test
    void unknownSourceIsABadRequest() {
        Map<String, Object> body = prediction(key("no-source"));
        body.put("source", "no-such-source-" + uid());
        post(body).body("errors.field", hasItem("source"));
    }

    @Test
    void emptyBodyIsABadRequest() {
        postRaw("").then().body("errors.field", hasItem("body"));
    }

    @Test
    void statusCannotBeSetOnCreate() {
        Map<String, Object> body = prediction(key("mass-assign"));
        body.put("status", "RESOLVED");
        post(body).body("errors.field", hasItem("status"));
    }

    @Test
    void serverSetFieldsCannotBeSetOnCreate() {
        for (var field : Map.of(
                        "version",
                        (Object) 5,
                        "dueAt",
                        "2040-01-01T00:00:00Z",
                        "createdAt",
                        "2020-01-01T00:00:00Z",
                        "resolution",
                        Map.of("outcome", "CORRECT"))
                .entrySet()) {
            Map<String, Object> body = prediction(key("mass-" + field.getKey().toLowerCase()));
            body.put(field.getKey(), field.getValue());
            post(body).body("errors.field", hasItem(field.getKey()));
        }
    }

    @Test
    void keyThatIsNotASlugIsABadRequest() {
        post(prediction("Not A Slug!")).body("errors.field", hasItem("key"));
        post(prediction("ab")).body("errors.field", hasItem("key"));
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        Map<String, Object> body = prediction(key("many-errors"));
        body.put("statement", "");
        body.remove("kind");
        post(body).body("errors.field", hasItem("statement")).body("errors.field", hasItem("kind"));
    }

    private static ValidatableResponse post(Map<String, Object> body) {
        return given().contentType("application/json")
                .body(body)
                .when()
                .post()
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("type", equalTo("/problems/invalid-request"))
                .body("title", org.hamcrest.Matchers.notNullValue())
                .body("detail", org.hamcrest.Matchers.notNullValue());
    }

    private static io.restassured.response.Response postRaw(String body) {
        io.restassured.response.Response r =
                given().contentType("application/json").body(body).when().post();
        r.then().statusCode(400).contentType(PROBLEM_JSON).body("status", equalTo(400));
        return r;
    }
}
