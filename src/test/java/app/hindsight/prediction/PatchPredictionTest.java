package app.hindsight.prediction;

import static app.hindsight.prediction.TestData.MERGE_PATCH;
import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.create;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.prediction;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.hindsight.ExpectedLogs;
import io.quarkus.test.common.http.TestHTTPEndpoint;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestHTTPEndpoint(PredictionResource.class)
class PatchPredictionTest {

    @Test
    void patchWithTheWildcardIsPreconditionRequiredToo() {
        String key = create(prediction(key("patch-428-any")));

        given().contentType(MERGE_PATCH)
                .header("If-Match", "*")
                .body("{\"statement\": \"Changed by 2030.\"}")
                .patch("{key}", key)
                .then()
                .statusCode(428)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/precondition-required"))
                .body("detail", containsString("send the ETag from a GET"));

        given().get("{key}", key)
                .then()
                .body("statement", not(equalTo("Changed by 2030.")))
                .body("version", equalTo(0));
    }

    @Test
    void patchWithoutIfMatchIsPreconditionRequired() {
        String key = create(prediction(key("patch-428")));

        given().contentType(MERGE_PATCH)
                .body("{\"statement\": \"Changed by 2030.\"}")
                .patch("{key}", key)
                .then()
                .statusCode(428)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(428))
                .body("title", notNullValue())
                .body("detail", notNullValue());

        given().get("{key}", key)
                .then()
                .body("statement", not(equalTo("Changed by 2030.")))
                .body("version", equalTo(0));
    }

    @Test
    void patchWithStaleIfMatchIsPreconditionFailed() {
        String key = create(prediction(key("patch-412")));

        given().contentType(MERGE_PATCH)
                .header("If-Match", "\"7\"")
                .body("{\"statement\": \"Changed by 2030.\"}")
                .patch("{key}", key)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(412))
                .body("detail", containsString("\"0\""));

        given().get("{key}", key)
                .then()
                .body("statement", not(equalTo("Changed by 2030.")))
                .body("version", equalTo(0));
    }

    @Test
    void patchWithCurrentETagChangesTheFieldAndBumpsTheVersion() {
        String key = create(prediction(key("patch-ok")));

        patch(key, "\"0\"", "{\"statement\": \"Prices will halve by 2030.\"}")
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1))
                .body("statement", equalTo("Prices will halve by 2030."))
                .body("kind", equalTo("FORECAST"));

        given().get("{key}", key)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("statement", equalTo("Prices will halve by 2030."))
                .body("speaker", equalTo("Test Speaker"));

        // The old ETag is now stale.
        patch(key, "\"0\"", "{\"statement\": \"Again by 2030.\"}").statusCode(412);
    }

    @Test
    void nullRemovesAnOptionalFieldAndTopicsAreReplaced() {
        Map<String, Object> body = prediction(key("patch-null"));
        body.put("resolutionCriteria", "Compare price lists.");
        body.put("topics", List.of("cost", "models"));
        String key = create(body);

        patch(key, "\"0\"", "{\"resolutionCriteria\": null, \"topics\": [\"pricing\"]}")
                .statusCode(200)
                .body("resolutionCriteria", nullValue())
                .body("topics", equalTo(List.of("pricing")));

        given().get("{key}", key)
                .then()
                .body("resolutionCriteria", nullValue())
                .body("topics", equalTo(List.of("pricing")));
    }

    @Test
    void patchingANestedFieldKeepsItsSiblings() {
        Map<String, Object> body = prediction(key("patch-nested"));
        body.put("quote", Map.of("text", "original words", "lang", "en", "locator", "§1"));
        String key = create(body);

        patch(key, "\"0\"", "{\"quote\": {\"locator\": \"§9\"}}")
                .statusCode(200)
                .body("quote.text", equalTo("original words"))
                .body("quote.lang", equalTo("en"))
                .body("quote.locator", equalTo("§9"));
    }

    @Test
    void patchingTargetDateRecomputesDueAtAndNextReviewOn() {
        String key = create(prediction(key("patch-target")));

        patch(key, "\"0\"", "{\"target\": {\"date\": \"2031-12-31\", \"label\": \"by the end of 2031\"}}")
                .statusCode(200)
                .body("target.date", equalTo("2031-12-31"))
                .body("target.precision", equalTo("YEAR"))
                .body("target.label", equalTo("by the end of 2031"))
                .body("dueAt", equalTo("2032-01-01T00:00:00Z"))
                .body("nextReviewOn", equalTo("2032-01-01"));

        given().get("{key}", key)
                .then()
                .body("dueAt", equalTo("2032-01-01T00:00:00Z"))
                .body("nextReviewOn", equalTo("2032-01-01"));
    }

    @Test
    void noOpPatchRecordsNoUpdatedEvent() {
        Map<String, Object> body = prediction(key("patch-noop"));
        body.put("topics", List.of("cost", "models"));
        String key = create(body);

        patch(key, "\"0\"", "{\"statement\": \"" + body.get("statement") + "\", \"topics\": [\"cost\", \"models\"]}")
                .statusCode(200)
                .body("statement", equalTo(body.get("statement")));

        given().get("{key}/history", key).then().statusCode(200).body("items.type", equalTo(List.of("CREATED")));
    }

    @Test
    void noOpPatchKeepsTheETag() {
        Map<String, Object> body = prediction(key("patch-noop-etag"));
        body.put("topics", List.of("cost", "models"));
        String key = create(body);

        patch(key, "\"0\"", "{\"topics\": [\"cost\", \"models\"]}")
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("version", equalTo(0));
    }

    @Test
    void updatedEventListsEachChangedFieldWithOldAndNew() {
        Map<String, Object> body = prediction(key("patch-event"));
        body.put("resolutionCriteria", "Compare price lists.");
        String key = create(body);

        patch(
                        key,
                        "\"0\"",
                        "{\"statement\": \"Prices will halve by 2030.\", \"resolutionCriteria\": null, "
                                + "\"topics\": [\"testing\", \"pricing\"]}")
                .statusCode(200);

        given().get("{key}/history", key)
                .then()
                .statusCode(200)
                .body("items.type", equalTo(List.of("CREATED", "UPDATED")))
                .body("items[1].actor", notNullValue())
                .body("items[1].details.statement.old", equalTo(body.get("statement")))
                .body("items[1].details.statement.new", equalTo("Prices will halve by 2030."))
                .body("items[1].details.resolutionCriteria.old", equalTo("Compare price lists."))
                .body("items[1].details.resolutionCriteria.new", nullValue())
                .body("items[1].details.topics.old", equalTo(List.of("testing")))
                .body("items[1].details.topics.new", hasItems("testing", "pricing"))
                .body("items[1].details", not(org.hamcrest.Matchers.hasKey("kind")))
                .body("items[1].details", not(org.hamcrest.Matchers.hasKey("speaker")));
    }

    // --- 400s ---------------------------------------------------------------------------------

    @Test
    void statusIsReadOnly() {
        String key = create(prediction(key("patch-status")));
        invalid(key, "{\"status\": \"RESOLVED\"}", "status");
        given().get("{key}", key).then().body("status", equalTo("OPEN")).body("version", equalTo(0));
    }

    @Test
    void dueAtIsReadOnly() {
        String key = create(prediction(key("patch-dueat")));
        invalid(key, "{\"dueAt\": \"2040-01-01T00:00:00Z\"}", "dueAt");
        given().get("{key}", key).then().body("dueAt", equalTo("2031-01-01T00:00:00Z"));
    }

    @Test
    void keyIsImmutable() {
        String key = create(prediction(key("patch-key")));
        invalid(key, "{\"key\": \"" + key("renamed") + "\"}", "key");
        given().get("{key}", key).then().statusCode(200);
    }

    @Test
    void invalidResultIsABadRequest() {
        String key = create(prediction(key("patch-blank")));
        invalid(key, "{\"statement\": \"\"}", "statement");
        given().get("{key}", key).then().body("statement", not(equalTo("")));
    }

    @Test
    void resultBreakingACrossFieldRuleIsABadRequest() {
        String key = create(prediction(key("patch-rule")));
        invalid(key, "{\"target\": {\"date\": \"2030-06-30\"}}", "target.date");
    }

    @Test
    void serverSetFieldsAreReadOnly() {
        String key = create(prediction(key("patch-server-fields")));
        invalid(key, "{\"version\": 9}", "version");
        invalid(key, "{\"createdAt\": \"2020-01-01T00:00:00Z\"}", "createdAt");
        invalid(key, "{\"nextReviewOn\": \"2027-01-01\"}", "nextReviewOn");
        invalid(key, "{\"resolution\": {\"outcome\": \"CORRECT\"}}", "resolution");
    }

    @Test
    void removingARequiredFieldIsABadRequest() {
        String key = create(prediction(key("patch-required")));
        invalid(key, "{\"target\": null}", "target");
        invalid(key, "{\"kind\": null}", "kind");
    }

    @Test
    void unknownFieldIsABadRequest() {
        String key = create(prediction(key("patch-unknown")));
        invalid(key, "{\"bogus\": 1}", "bogus");
    }

    @Test
    void wrongTypeIsABadRequest() {
        String key = create(prediction(key("patch-type")));
        invalid(key, "{\"kind\": \"PROPHECY\"}", "kind");
    }

    @Test
    void malformedJsonIsABadRequest() {
        String key = create(prediction(key("patch-malformed")));
        invalid(key, "{\"statement\": ", "body");
    }

    @Test
    void patchThatIsNotAnObjectIsABadRequest() {
        String key = create(prediction(key("patch-array")));
        invalid(key, "[1, 2]", "body");
    }

    @Test
    void weakIfMatchIsRefusedEvenWhenItNamesTheCurrentVersion() {
        // RFC 9110 13.1.1: If-Match compares strongly, so a weak tag never matches.
        String key = create(prediction(key("patch-weak")));

        patch(key, "W/\"0\"", "{\"statement\": \"Changed by 2030.\"}")
                .statusCode(412)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(412))
                .body("type", equalTo("/problems/weak-etag"))
                .body("detail", containsString("W/\"0\""));

        given().get("{key}", key)
                .then()
                .body("statement", not(equalTo("Changed by 2030.")))
                .body("version", equalTo(0));
    }

    @Test
    void mergePatchWithoutCharsetIsReadAsUtf8() {
        String key = create(prediction(key("patch-utf8")));
        byte[] body = "{\"quote\": {\"text\": \"到2030年底\", \"lang\": \"zh-Hant\"}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        given().config(io.restassured.RestAssured.config()
                        .encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body(body)
                .patch("{key}", key)
                .then()
                .statusCode(200)
                .body("quote.text", equalTo("到2030年底"));
    }

    @Test
    void patchOfUnknownKeyIsNotFound() {
        patch(key("never"), "\"0\"", "{\"statement\": \"x\"}")
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404));
    }

    @Test
    void patchAsPlainJsonIsUnsupportedMediaType() {
        String key = create(prediction(key("patch-415")));
        given().contentType("application/json")
                .header("If-Match", "\"0\"")
                .body("{\"statement\": \"x y z\"}")
                .patch("{key}", key)
                .then()
                .statusCode(415)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(415));
    }

    @Test
    void duplicateFieldIsABadRequest() {
        String key = create(prediction(key("patch-dup")));
        invalid(key, "{\"resolutionCriteria\": \"One.\", \"resolutionCriteria\": \"Two.\"}", "body");
    }

    @Test
    void twoDocumentsAreABadRequest() {
        String key = create(prediction(key("patch-two")));
        invalid(key, "{} {}", "body");
        invalid(key, "{\"resolutionCriteria\": \"One.\"} {\"resolutionCriteria\": \"Two.\"}", "body");
    }

    @Test
    void invalidUtf8IsABadRequest() {
        String key = create(prediction(key("patch-latin1")));
        byte[] body = "{\"resolutionCriteria\": \"Caf@s.\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        body[body.length - 5] = (byte) 0xE9; // "é" as ISO-8859-1 writes it: one byte that is not UTF-8

        given().contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body(body)
                .patch("{key}", key)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("body"));
        given().get("{key}", key).then().header("ETag", equalTo("\"0\"")).body("resolutionCriteria", nullValue());
    }

    @Test
    void deepNestingAndHugeNumbersAreBadRequestsWithoutAnErrorLog() {
        String key = create(prediction(key("patch-limits")));
        String deep = "{\"resolutionCriteria\": " + "[".repeat(1500) + "]".repeat(1500) + "}";
        String huge = "{\"metric\": {\"name\": \"n\", \"target\": 1" + "0".repeat(200_000)
                + ", \"direction\": \"INCREASE\"}}";
        try (ExpectedLogs logs = ExpectedLogs.capture("app.hindsight", "io.quarkus", "org.jboss.resteasy")) {
            invalid(key, deep, "body");
            invalid(key, huge, "body");
            assertEquals(
                    List.of(),
                    logs.messages().stream()
                            .filter(m -> m.startsWith("SEVERE") || m.startsWith("ERROR"))
                            .toList());
        }
    }

    @Test
    void postAndImportAreHeldToTheSameLimits() {
        String huge = "{\"metric\": {\"name\": \"n\", \"target\": 1" + "0".repeat(200_000)
                + ", \"direction\": \"INCREASE\"}}";
        given().contentType("application/json")
                .body(huge)
                .post()
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("body"))
                .body("errors[0].message", containsString("a number longer than 100 characters"));
        String deep = "[{\"topics\": " + "[".repeat(60) + "]".repeat(60) + "}]";
        given().basePath("/api/v1/imports")
                .contentType("application/json")
                .body(deep)
                .post()
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("body"))
                .body("errors[0].message", containsString("nested more than 50 levels deep"));
    }

    private static ValidatableResponse patch(String key, String ifMatch, String body) {
        return given().contentType(MERGE_PATCH)
                .header("If-Match", ifMatch)
                .body(body)
                .patch("{key}", key)
                .then();
    }

    private static void invalid(String key, String body, String field) {
        patch(key, "\"0\"", body)
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("detail", notNullValue())
                .body("errors.field", hasItem(field));
        given().get("{key}", key).then().header("ETag", equalTo("\"0\""));
    }
}
