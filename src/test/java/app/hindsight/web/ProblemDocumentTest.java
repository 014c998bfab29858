package app.hindsight.web;

import static app.hindsight.prediction.TestData.PREDICTIONS;
import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.create;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.prediction;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * Whatever goes wrong at the HTTP level, the client gets an RFC 9457 problem document: never a 500,
 * an HTML page, a stack trace or an exception class name.
 */
@QuarkusTest
class ProblemDocumentTest {

    @Test
    void unknownPathUnderTheApiIsANotFoundProblem() {
        problem(given().get("/api/v1/no-such-thing"), 404);
    }

    @Test
    void unknownSubresourceOfAPredictionIsANotFoundProblem() {
        String key = create(prediction(key("subresource")));
        problem(given().get(PREDICTIONS + "/" + key + "/no-such-thing"), 404);
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblem() {
        String key = create(prediction(key("method")));
        problem(given().contentType("application/json").body(prediction(key)).put(PREDICTIONS + "/" + key), 405);
    }

    @Test
    void wrongMethodOnTheCollectionIsAMethodNotAllowedProblem() {
        problem(given().delete(PREDICTIONS), 405);
    }

    @Test
    void plainTextBodyIsAnUnsupportedMediaTypeProblem() {
        problem(
                given().contentType("text/plain")
                        .body("By 2030 everything changes.")
                        .post(PREDICTIONS),
                415);
    }

    @Test
    void xmlBodyIsAnUnsupportedMediaTypeProblem() {
        problem(given().contentType("application/xml").body("<prediction/>").post(PREDICTIONS), 415);
    }

    @Test
    void bodyOverTheLimitIsAPayloadTooLargeProblem() throws Exception {
        Map<String, Object> body = prediction(key("huge"));
        body.put("resolutionCriteria", "x".repeat(300 * 1024));
        String json = new ObjectMapper().writeValueAsString(body);

        problem(given().contentType("application/json").body(json).post(PREDICTIONS), 413);
        given().get(PREDICTIONS + "/" + body.get("key")).then().statusCode(404);
    }

    @Test
    void bodyJustUnderTheLimitIsNotRejectedForItsSize() throws Exception {
        // 200 KiB of padding: accepted by the size check, then refused by validation (field too long), not 413.
        Map<String, Object> body = prediction(key("big"));
        body.put("resolutionCriteria", "x".repeat(200 * 1024));
        String json = new ObjectMapper().writeValueAsString(body);

        problem(given().contentType("application/json").body(json).post(PREDICTIONS), 400)
                .body("errors.field", hasItem("resolutionCriteria"));
    }

    @Test
    void xmlAcceptIsANotAcceptableProblem() {
        problem(given().accept("application/xml").get(PREDICTIONS), 406);
    }

    @Test
    void xmlAcceptOnOnePredictionIsANotAcceptableProblem() {
        String key = create(prediction(key("accept-xml")));
        problem(given().accept("application/xml").get(PREDICTIONS + "/" + key), 406);
    }

    @Test
    void validationProblemHasInstanceAndFieldErrors() {
        problem(
                        given().contentType("application/json")
                                .body("{\"kind\": \"FORECAST\"}")
                                .post(PREDICTIONS),
                        400)
                .body("instance", equalTo(PREDICTIONS))
                .body("errors.field", hasItem("statement"))
                .body("errors.message", hasItem(notNullValue()));
    }

    @Test
    void wrongTypeInANestedFieldNamesItsPath() {
        Map<String, Object> body = prediction(key("nested-type"));
        body.put("target", Map.of("date", 20301231, "precision", "YEAR", "basis", "EXPLICIT"));
        problem(given().contentType("application/json").body(body).post(PREDICTIONS), 400)
                .body("errors.field", hasItem("target.date"));
    }

    @Test
    void arrayInsteadOfObjectIsABadRequestProblem() {
        problem(given().contentType("application/json").body("[1, 2, 3]").post(PREDICTIONS), 400)
                .body("errors.field", hasItem("body"));
    }

    @Test
    void duplicateJsonFieldIsABadRequestProblem() {
        problem(
                given().contentType("application/json")
                        .body("{\"statement\": \"a b c\", \"statement\": \"d e f\", \"kind\": \"FORECAST\"}")
                        .post(PREDICTIONS),
                400);
    }

    @Test
    void trailingGarbageAfterTheJsonIsABadRequestProblem() {
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(prediction(key("trailing"))) + " {}";
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        problem(given().contentType("application/json").body(json).post(PREDICTIONS), 400);
    }

    @Test
    void numberForAnEnumIsABadRequestProblem() {
        Map<String, Object> body = prediction(key("enum-number"));
        body.put("kind", 1);
        problem(given().contentType("application/json").body(body).post(PREDICTIONS), 400)
                .body("errors.field", hasItem("kind"));
    }

    @Test
    void badPeriodIsABadRequestProblem() {
        Map<String, Object> body = prediction(key("bad-period"));
        body.put("reviewEvery", "every six months");
        problem(given().contentType("application/json").body(body).post(PREDICTIONS), 400)
                .body("errors.field", hasItem("reviewEvery"));
    }

    /** The shape every problem document shares, and none of what must never leak. */
    static ValidatableResponse problem(Response response, int status) {
        return response.then()
                .statusCode(status)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("status", equalTo(status))
                .body("detail", notNullValue())
                .body("stackTrace", org.hamcrest.Matchers.nullValue())
                .body(allOf(
                        not(containsString("Exception")),
                        not(containsString("java.")),
                        not(containsString("<html")),
                        not(containsString("\tat "))));
    }
}
