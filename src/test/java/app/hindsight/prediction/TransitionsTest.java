package app.hindsight.prediction;

import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.create;
import static app.hindsight.prediction.TestData.createDue;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.pastPrediction;
import static app.hindsight.prediction.TestData.prediction;
import static app.hindsight.prediction.TestData.resolve;
import static app.hindsight.prediction.TestData.status;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPEndpoint;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The status machine over HTTP: resolve, reopen, defer, withdraw, restore, and what each refuses. */
@QuarkusTest
@TestHTTPEndpoint(PredictionResource.class)
class TransitionsTest {

    @jakarta.inject.Inject
    ConcurrentWriter writer;

    private static final Map<String, Object> VERDICT = Map.of(
            "outcome", "PARTIALLY_CORRECT",
            "note", "Prices fell 40x, not 100x.",
            "evidence", List.of(Map.of("url", "https://example.org/pricing", "title", "Pricing page")),
            "resolvedOn", "2026-06-30");

    // --- resolve ------------------------------------------------------------------------------

    @Test
    void resolvingAnOpenPredictionStoresTheVerdict() {
        String key = create(prediction(key("resolve")));

        resolution(key, VERDICT)
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("RESOLVED"))
                .body("resolution.outcome", equalTo("PARTIALLY_CORRECT"));

        given().get("{key}", key)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("RESOLVED"))
                .body("resolution.outcome", equalTo("PARTIALLY_CORRECT"))
                .body("resolution.note", equalTo("Prices fell 40x, not 100x."))
                .body("resolution.resolvedOn", equalTo("2026-06-30"))
                .body("resolution.evidence[0].url", equalTo("https://example.org/pricing"))
                .body("resolution.evidence[0].title", equalTo("Pricing page"))
                .body("resolution.by", notNullValue())
                .body("target.date", equalTo("2030-12-31"));
    }

    @Test
    void resolvedOnDefaultsToToday() {
        String key = create(prediction(key("resolve-today")));

        resolution(key, Map.of("outcome", "CORRECT", "note", "done"))
                .statusCode(200)
                .body(
                        "resolution.resolvedOn",
                        equalTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                                .toString()));
    }

    @Test
    void resolvingADuePredictionIsAllowed() {
        String key = createDue("resolve-due");
        resolution(key, VERDICT).statusCode(200).body("status", equalTo("RESOLVED"));
    }

    @Test
    void resolvingTwiceIsAConflict() {
        String key = create(prediction(key("resolve-twice")));
        resolution(key, VERDICT).statusCode(200);

        resolution(key, Map.of("outcome", "INCORRECT", "note", "second opinion"))
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(409))
                .body("currentStatus", equalTo("RESOLVED"))
                .body("detail", containsString("RESOLVED"));

        given().get("{key}", key).then().body("resolution.outcome", equalTo("PARTIALLY_CORRECT"));
    }

    @Test
    void resolutionWithoutOutcomeIsABadRequest() {
        String key = create(prediction(key("resolve-no-outcome")));
        badRequest(resolution(key, Map.of("note", "no verdict")), "outcome");
        assertEquals("OPEN", status(key));
    }

    @Test
    void resolutionWithUnknownOutcomeIsABadRequest() {
        String key = create(prediction(key("resolve-bad-outcome")));
        badRequest(resolution(key, Map.of("outcome", "MAYBE", "note", "hmm")), "outcome");
    }

    @Test
    void resolutionDatedInTheFutureIsABadRequest() {
        String key = create(prediction(key("resolve-future")));
        badRequest(
                resolution(key, Map.of("outcome", "CORRECT", "note", "early", "resolvedOn", "2030-01-01")),
                "resolvedOn");
        assertEquals("OPEN", status(key));
    }

    @Test
    void evidenceMustBeAnHttpUrl() {
        String key = create(prediction(key("resolve-ftp")));
        badRequest(
                resolution(
                        key,
                        Map.of(
                                "outcome",
                                "CORRECT",
                                "note",
                                "n",
                                "evidence",
                                List.of(Map.of("url", "ftp://example.org/x")))),
                "evidence[0].url");
    }

    @Test
    void resolvingAnUnknownPredictionIsNotFound() {
        resolution(key("never"), VERDICT)
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404));
    }

    @Test
    void staleIfMatchOnATransitionIsPreconditionFailed() {
        String key = create(prediction(key("resolve-412")));

        given().contentType("application/json")
                .header("If-Match", "\"5\"")
                .body(VERDICT)
                .post("{key}/resolution", key)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(412));
        assertEquals("OPEN", status(key));

        given().contentType("application/json")
                .header("If-Match", "\"0\"")
                .body(VERDICT)
                .post("{key}/resolution", key)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""));
    }

    @Test
    void weakIfMatchOnATransitionIsPreconditionFailed() {
        String key = create(prediction(key("resolve-weak")));

        given().contentType("application/json")
                .header("If-Match", "W/\"0\"")
                .body(VERDICT)
                .post("{key}/resolution", key)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/weak-etag"));
        assertEquals("OPEN", status(key));
    }

    @Test
    void losingARaceWithoutIfMatchIsAConflictNotAStaleETag() {
        String key = create(prediction(key("resolve-race")));
        writer.arm(key);

        given().contentType("application/json")
                .body(VERDICT)
                .post("{key}/resolution", key)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/concurrent-modification"))
                .body("detail", not(containsString("ETag")));

        // Nothing of the losing request was kept.
        assertEquals("OPEN", status(key));
        given().get("{key}/history", key).then().body("items.type", equalTo(List.of("CREATED")));
    }

    @Test
    void losingARaceWithIfMatchFailsThePrecondition() {
        String key = create(prediction(key("resolve-race-412")));
        writer.arm(key);

        given().contentType("application/json")
                .header("If-Match", "\"0\"")
                .body(VERDICT)
                .post("{key}/resolution", key)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/precondition-failed"));

        assertEquals("OPEN", status(key));
        given().get("{key}/history", key).then().body("items.type", equalTo(List.of("CREATED")));
    }

    // --- reopen -------------------------------------------------------------------------------

    @Test
    void reopeningBeforeTheTargetGoesBackToOpen() {
        String key = create(prediction(key("reopen-open")));
        resolve(key);

        given().queryParam("note", "evidence was wrong")
                .delete("{key}/resolution", key)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("status", equalTo("OPEN"))
                .body("resolution", nullValue())
                .body("nextReviewOn", equalTo("2031-01-01"));

        given().get("{key}", key).then().body("status", equalTo("OPEN")).body("resolution", nullValue());
    }

    @Test
    void reopeningAfterTheTargetGoesToDue() {
        String key = create(pastPrediction(key("reopen-due")));
        resolve(key);

        given().delete("{key}/resolution", key)
                .then()
                .statusCode(200)
                .body("status", equalTo("DUE"))
                .body("dueAt", equalTo("2026-01-01T00:00:00Z"))
                .body("resolution", nullValue());

        assertEquals("DUE", status(key));
    }

    @Test
    void reopeningAnOpenPredictionIsAConflict() {
        String key = create(prediction(key("reopen-409")));

        given().delete("{key}/resolution", key)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("currentStatus", equalTo("OPEN"));
    }

    // --- defer --------------------------------------------------------------------------------

    @Test
    void deferringAnOpenPredictionIsAConflict() {
        String key = create(prediction(key("defer-open")));

        deferral(key, Map.of("until", "2030-01-31"))
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(409))
                .body("currentStatus", equalTo("OPEN"));
    }

    @Test
    void deferringADuePredictionReopensItUntilThenAndKeepsTheTarget() {
        String key = createDue("defer-due");

        deferral(key, Map.of("until", "2030-01-31", "note", "price lists not out yet"))
                .statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("nextReviewOn", equalTo("2030-01-31"))
                .body("target.date", equalTo("2025-12-31"))
                .body("dueAt", equalTo("2026-01-01T00:00:00Z"));

        given().get("{key}", key)
                .then()
                .body("status", equalTo("OPEN"))
                .body("nextReviewOn", equalTo("2030-01-31"))
                .body("target.date", equalTo("2025-12-31"));
        given().get("{key}/history", key)
                .then()
                .body("items.type[-1]", equalTo("DEFERRED"))
                .body("items[-1].note", equalTo("price lists not out yet"))
                .body("items[-1].details.until", equalTo("2030-01-31"));
    }

    @Test
    void deferringToAPastDateIsABadRequest() {
        String key = createDue("defer-past");
        badRequest(deferral(key, Map.of("until", "2026-01-01")), "until");
        assertEquals("DUE", status(key));
    }

    @Test
    void deferringWithoutADateIsABadRequest() {
        String key = createDue("defer-nodate");
        badRequest(deferral(key, Map.of("note", "later")), "until");
    }

    // --- withdraw and restore -----------------------------------------------------------------

    @Test
    void withdrawingAndRestoringAnOpenPrediction() {
        String key = create(prediction(key("withdraw")));

        given().contentType("application/json")
                .body(Map.of("note", "mis-extraction"))
                .post("{key}/withdrawal", key)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("WITHDRAWN"));
        assertEquals("WITHDRAWN", status(key));

        given().queryParam("note", "it was right after all")
                .delete("{key}/withdrawal", key)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("status", equalTo("OPEN"));
        assertEquals("OPEN", status(key));

        given().get("{key}/history", key)
                .then()
                .body("items.type", equalTo(List.of("CREATED", "WITHDRAWN", "RESTORED")))
                .body("items[1].note", equalTo("mis-extraction"))
                .body("items[2].note", equalTo("it was right after all"));
    }

    @Test
    void withdrawingWithoutABodyIsAllowed() {
        String key = create(prediction(key("withdraw-nobody")));
        given().contentType("application/json")
                .post("{key}/withdrawal", key)
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void restoringAPastPredictionMakesItDue() {
        String key = create(pastPrediction(key("restore-due")));
        given().contentType("application/json")
                .body("{}")
                .post("{key}/withdrawal", key)
                .then()
                .statusCode(200);

        given().delete("{key}/withdrawal", key).then().statusCode(200).body("status", equalTo("DUE"));
    }

    @Test
    void withdrawingAResolvedPredictionIsAConflict() {
        String key = create(prediction(key("withdraw-resolved")));
        resolve(key);

        given().contentType("application/json")
                .body("{}")
                .post("{key}/withdrawal", key)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("currentStatus", equalTo("RESOLVED"));
        assertEquals("RESOLVED", status(key));
    }

    @Test
    void restoringAPredictionThatIsNotWithdrawnIsAConflict() {
        String key = create(prediction(key("restore-open")));

        given().delete("{key}/withdrawal", key)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("currentStatus", equalTo("OPEN"));
    }

    @Test
    void resolvingAWithdrawnPredictionIsAConflict() {
        String key = create(prediction(key("resolve-withdrawn")));
        given().contentType("application/json")
                .body("{}")
                .post("{key}/withdrawal", key)
                .then()
                .statusCode(200);

        resolution(key, VERDICT).statusCode(409).body("currentStatus", equalTo("WITHDRAWN"));
    }

    @Test
    void withdrawingADuePredictionAndRestoringItMakesItDueAgain() {
        String key = createDue("withdraw-due");

        given().contentType("application/json")
                .body("{}")
                .post("{key}/withdrawal", key)
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        given().delete("{key}/withdrawal", key).then().statusCode(200).body("status", equalTo("DUE"));
        assertEquals("DUE", status(key));
    }

    @Test
    void deferringToTodayIsABadRequest() {
        String key = createDue("defer-today");
        badRequest(
                deferral(
                        key,
                        Map.of(
                                "until",
                                java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                                        .toString())),
                "until");
    }

    @Test
    void transitionsOfAnUnknownPredictionAreNotFound() {
        String key = key("never");
        deferral(key, Map.of("until", "2030-01-31")).statusCode(404).contentType(PROBLEM_JSON);
        given().delete("{key}/resolution", key).then().statusCode(404).contentType(PROBLEM_JSON);
        given().contentType("application/json")
                .body("{}")
                .post("{key}/withdrawal", key)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        given().delete("{key}/withdrawal", key).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void malformedResolutionIsABadRequest() {
        String key = create(prediction(key("resolve-malformed")));
        badRequest(
                given().contentType("application/json")
                        .body("{\"outcome\": ")
                        .post("{key}/resolution", key)
                        .then(),
                "body");
        badRequest(resolution(key, Map.of("outcome", "CORRECT", "note", "n", "verdict", "yes")), "verdict");
        assertEquals("OPEN", status(key));
    }

    private static ValidatableResponse resolution(String key, Map<String, ?> body) {
        return given().contentType("application/json")
                .body(body)
                .post("{key}/resolution", key)
                .then();
    }

    private static ValidatableResponse deferral(String key, Map<String, ?> body) {
        return given().contentType("application/json")
                .body(body)
                .post("{key}/deferral", key)
                .then();
    }

    private static void badRequest(ValidatableResponse response, String field) {
        response.statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("detail", notNullValue())
                .body("errors.field", hasItem(field));
    }
}
