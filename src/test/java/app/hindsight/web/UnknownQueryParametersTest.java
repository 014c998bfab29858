package app.hindsight.web;

import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.create;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.prediction;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A query parameter an operation does not take is a 400 that names it and the accepted ones. */
@QuarkusTest
class UnknownQueryParametersTest {

    /**
     * What the list says it accepts: the query parameters its API description documents, sorted. Read from the
     * served description, so the two cannot drift apart (a filter added later is in both).
     */
    private static String listAccepts() {
        List<Map<String, Object>> parameters = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .extract()
                .jsonPath()
                .getList("paths.'/api/v1/predictions'.get.parameters");
        return "This operation accepts: "
                + parameters.stream()
                        .filter(p -> "query".equals(p.get("in")))
                        .map(p -> (String) p.get("name"))
                        .sorted()
                        .collect(Collectors.joining(", "))
                + ".";
    }

    @Test
    void aMisspelledFilterOnTheListIsRefusedWithTheNameItMeant() {
        given().queryParam("speakr", "Sam Altman")
                .get("/api/v1/predictions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/invalid-request"))
                .body(
                        "detail",
                        equalTo("Unknown query parameter 'speakr'. " + listAccepts() + " Did you mean 'speaker'?"))
                .body("errors.field", contains("speakr"))
                .body("errors[0].message", equalTo("unknown query parameter; did you mean 'speaker'?"));
    }

    @Test
    void theApiDescriptionsExampleIsWhatTheListAnswers() {
        String example = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .extract()
                .jsonPath()
                .getString("paths.'/api/v1/predictions'.get.responses.'400'.content.'application/problem+json'"
                        + ".examples.'unknown parameter'.value.detail");
        given().queryParam("speakr", "x").get("/api/v1/predictions").then().body("detail", equalTo(example));
    }

    @Test
    void severalUnknownParametersAreNamedTogether() {
        given().queryParam("topics", "cost")
                .queryParam("sortBy", "madeOn")
                .get("/api/v1/predictions")
                .then()
                .statusCode(400)
                .body("detail", equalTo("Unknown query parameters 'sortBy', 'topics'. " + listAccepts()))
                .body("errors.field", contains("sortBy", "topics"))
                .body("errors[1].message", equalTo("unknown query parameter; did you mean 'topic'?"));
    }

    @Test
    void anotherApisPagingWordsAreAnsweredWithHowThisOnePages() {
        given().queryParam("offset", "20")
                .get("/api/v1/predictions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("offset"))
                .body("errors[0].message", containsString("lists are paged with cursor: follow nextCursor"));
    }

    @Test
    void aSpeakerEndpointRefusesUnknownParametersBeforeLookingTheSpeakerUp() {
        given().queryParam("limt", "5")
                .get("/api/v1/speakers/{name}", "Nobody At All")
                .then()
                .statusCode(400)
                .body(
                        "detail",
                        equalTo(
                                "Unknown query parameter 'limt'. This operation accepts: includeProvisional, limit. Did you mean 'limit'?"))
                .body("errors.field", contains("limt"));
    }

    @Test
    void anOperationWithoutQueryParametersSaysItTakesNone() {
        String key = create(prediction(key("unknown-param")));
        given().queryParam("verbose", "true")
                .get("/api/v1/predictions/{key}", key)
                .then()
                .statusCode(400)
                .body(
                        "detail",
                        equalTo("Unknown query parameter 'verbose'. This operation takes no query parameters."));
    }

    @Test
    void everyDeclaredParameterIsStillAcceptedAndExportsTakeTheListsFilters() {
        String key = create(prediction(key("known-params")));
        given().queryParam("status", "open")
                .queryParam("kind", "forecast")
                .queryParam("speaker", "Test Speaker")
                .queryParam("q", key)
                .queryParam("limit", "5")
                .get("/api/v1/predictions")
                .then()
                .statusCode(200)
                .body("items.key", contains(key));
        given().accept("text/csv")
                .queryParam("q", key)
                .get("/api/v1/predictions")
                .then()
                .statusCode(200)
                .body(containsString(key));
        given().accept("text/csv")
                .queryParam("speakr", "x")
                .get("/api/v1/predictions")
                .then()
                .statusCode(400)
                .body("errors.field", contains("speakr"));
    }

    @Test
    void queryParametersOfAWriteAreCheckedToo() {
        String key = create(prediction(key("unknown-note")));
        given().contentType("application/json")
                .queryParam("reason", "typo")
                .body("{}")
                .post("/api/v1/predictions/{key}/withdrawal", key)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().get("/api/v1/predictions/{key}", key).then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void theDeskIsNotChecked() {
        given().queryParam("utm_source", "mail").get("/").then().statusCode(200);
    }
}
