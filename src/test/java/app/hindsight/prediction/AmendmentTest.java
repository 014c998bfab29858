package app.hindsight.prediction;

import static app.hindsight.prediction.TestData.MERGE_PATCH;
import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.create;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.prediction;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.notify.Notice;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Amendments on the record: once a prediction has a forecast, a review or a seed revision, a change to its statement,
 * criteria, target or metric needs a reason, becomes an AMENDED event and a prediction.amended notice, and starts a
 * version that GET .../versions lists and that forecasts made before it are marked against.
 */
@QuarkusTest
class AmendmentTest {

    private static final String STATEMENT_2 = "By the end of 2030 the amended claim will come true.";

    @Test
    void anEditBeforeAnyForecastOrReviewIsAPlainUpdateWithoutAReason() {
        String key = create(prediction(key("amend-plain")));

        patch(key, 0, Map.of("statement", STATEMENT_2), null).statusCode(200);

        List<Map<String, Object>> events = history(key).getList("items");
        assertEquals(
                List.of("CREATED", "UPDATED"),
                events.stream().map(e -> e.get("type")).toList());
        given().get("/api/v1/predictions/{key}/versions", key)
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[1].eventType", equalTo("UPDATED"))
                .body("items[1].reason", nullValue());
        assertEquals(List.of(), notices(key));
        given().accept("text/html")
                .get("/desk/predictions/{key}", key)
                .then()
                .statusCode(200)
                .body(not(containsString("class=\"amended\"")));
    }

    @Test
    void anAmendmentWithoutAReasonIsRefusedAndChangesNothing() {
        String key = create(prediction(key("amend-refused")));
        String original = given().get("/api/v1/predictions/{key}", key).path("statement");
        forecast(key, 0.3);

        patch(key, 0, Map.of("statement", STATEMENT_2), null)
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", contains("amendment"))
                .body("errors[0].message", containsString("say why"));

        given().get("/api/v1/predictions/{key}", key)
                .then()
                .body("statement", equalTo(original))
                .body("version", equalTo(0));
        assertEquals(List.of("CREATED"), history(key).getList("items.type"));
        assertEquals(List.of(), notices(key));
        // A field other than the four needs no reason.
        patch(key, 0, Map.of("topics", List.of("testing", "pricing")), null).statusCode(200);
        assertEquals(List.of("CREATED", "UPDATED"), history(key).getList("items.type"));
    }

    @Test
    void anAmendmentByTheFieldIsRecordedNotifiedVersionedAndMarksEarlierForecasts() {
        String key = create(prediction(key("amend-field")));
        String original = given().get("/api/v1/predictions/{key}", key).path("statement");
        int webhook = subscribe();
        try {
            forecast(key, 0.3);

            patch(key, 0, Map.of("statement", STATEMENT_2, "amendment", "The first wording was ambiguous"), null)
                    .statusCode(200)
                    .body("statement", equalTo(STATEMENT_2))
                    .body("amendment", nullValue());
            forecast(key, 0.6);

            JsonPath history = history(key);
            assertEquals(List.of("CREATED", "AMENDED"), history.getList("items.type"));
            assertEquals("The first wording was ambiguous", history.getString("items[1].note"));
            assertEquals(original, history.getString("items[1].details.statement.old"));
            assertEquals(STATEMENT_2, history.getString("items[1].details.statement.new"));

            given().get("/api/v1/predictions/{key}/versions", key)
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(2))
                    .body("nextCursor", nullValue())
                    .body("items[0].version", equalTo(1))
                    .body("items[0].eventType", equalTo("CREATED"))
                    .body("items[0].statement", equalTo(original))
                    .body("items[0].to", equalTo(history.getString("items[1].at")))
                    .body("items[1].version", equalTo(2))
                    .body("items[1].eventType", equalTo("AMENDED"))
                    .body("items[1].eventId", equalTo(history.getInt("items[1].id")))
                    .body("items[1].from", equalTo(history.getString("items[1].at")))
                    .body("items[1].to", nullValue())
                    .body("items[1].statement", equalTo(STATEMENT_2))
                    .body("items[1].reason", equalTo("The first wording was ambiguous"))
                    .body("items[1].target.date", equalTo("2030-12-31"));

            given().get("/api/v1/predictions/{key}/forecasts", key)
                    .then()
                    .statusCode(200)
                    .body("items.probability", contains(0.3f, 0.6f))
                    .body("items.onVersion", contains(1, 2))
                    .body("items.amendedSince", contains(true, false));

            assertEquals(List.of(Notice.AMENDED + " event-" + history.getInt("items[1].id")), notices(key));
            given().get("/api/v1/webhooks/{id}/deliveries", webhook)
                    .then()
                    .statusCode(200)
                    .body("items.eventType", hasItem(Notice.AMENDED))
                    .body("items.predictionKey", hasItem(key));

            String amendedAt = history.getString("items[1].at");
            given().accept("text/html")
                    .get("/desk/predictions/{key}", key)
                    .then()
                    .statusCode(200)
                    .body(containsString("<p class=\"amended\">Amended on <time datetime=\"" + amendedAt + "\">"))
                    .body(containsString("because The first wording was ambiguous."))
                    .body(containsString("href=\"/api/v1/predictions/" + key + "/versions\""))
                    .body(containsString("(on version 1, before an amendment)"));
        } finally {
            unsubscribe(webhook);
        }
    }

    @Test
    void anAmendmentByTheHeaderIsPercentDecodedUtf8() {
        String key = TestData.createDue("amend-header"); // a review is open on it
        String reason = "Criteria für 2030 + the index moved";

        patch(key, version(key), Map.of("resolutionCriteria", "The new index."), "Nope%ZZ")
                .statusCode(400)
                .body("errors.field", contains("Hindsight-Amendment"));
        patch(
                        key,
                        version(key),
                        Map.of("resolutionCriteria", "The new index."),
                        URLEncoder.encode(reason, StandardCharsets.UTF_8).replace("+", "%20"))
                .statusCode(200)
                .body("resolutionCriteria", equalTo("The new index."));

        JsonPath history = history(key);
        List<String> types = history.getList("items.type");
        assertEquals("AMENDED", types.get(types.size() - 1));
        int last = types.size() - 1;
        assertEquals(reason, history.getString("items[" + last + "].note"));
        assertEquals("The new index.", history.getString("items[" + last + "].details.resolutionCriteria.new"));
        given().get("/api/v1/predictions/{key}/versions", key)
                .then()
                .body("items", hasSize(2))
                .body("items[0].resolutionCriteria", nullValue())
                .body("items[1].reason", equalTo(reason));
    }

    @Test
    void anImportChangingTheStatementOfAForecastPredictionWithoutAReasonIsRefusedForThatItem() {
        String key = create(prediction(key("amend-import")));
        forecast(key, 0.4);
        Map<String, Object> other = prediction(key("amend-import-new"));
        Map<String, Object> changed = prediction(key);
        changed.put("statement", STATEMENT_2);

        given().contentType("application/json")
                .body(List.of(other, changed))
                .post("/api/v1/imports")
                .then()
                .statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].index", equalTo(1))
                .body("errors[0].field", equalTo("amendment"));
        given().get("/api/v1/predictions/{key}", key).then().body("statement", notNullValue());
        assertEquals(List.of("CREATED"), history(key).getList("items.type"));

        changed.put("amendment", "Reworded in the source's transcript");
        given().contentType("application/json")
                .body(List.of(changed))
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("updated", equalTo(1));
        JsonPath history = history(key);
        assertEquals(List.of("CREATED", "AMENDED"), history.getList("items.type"));
        assertEquals("Reworded in the source's transcript", history.getString("items[1].note"));
        assertEquals(1, notices(key).size());
    }

    // --- helpers ---

    private static io.restassured.response.ValidatableResponse patch(
            String key, int version, Map<String, Object> body, String header) {
        var request = given().contentType(MERGE_PATCH).header("If-Match", "\"" + version + "\"");
        if (header != null) {
            request = request.header("Hindsight-Amendment", header);
        }
        return request.body(body).patch("/api/v1/predictions/{key}", key).then();
    }

    private static int version(String key) {
        return given().get("/api/v1/predictions/{key}", key).path("version");
    }

    private static void forecast(String key, double probability) {
        given().contentType("application/json")
                .body(Map.of("probability", probability))
                .post("/api/v1/predictions/{key}/forecasts", key)
                .then()
                .statusCode(201);
    }

    private static JsonPath history(String key) {
        return given().get("/api/v1/predictions/{key}/history", key)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<String> notices(String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Notice.<Notice>list("predictionKey = ?1 order by id", key).stream()
                        .map(n -> n.kind + " " + n.period)
                        .toList());
    }

    private static int subscribe() {
        return given().contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/amended", "eventTypes", List.of(Notice.AMENDED)))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void unsubscribe(int id) {
        given().header("Authorization", "Bearer " + AdminTokenByDefault.ADMIN_TOKEN)
                .delete("/api/v1/webhooks/" + id)
                .then()
                .statusCode(204);
    }
}
