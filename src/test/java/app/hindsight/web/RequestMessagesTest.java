package app.hindsight.web;

import static app.hindsight.prediction.TestData.MERGE_PATCH;
import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.create;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.prediction;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.hindsight.AdminTokenByDefault;
import io.quarkus.test.junit.QuarkusTest;

/** Refusals that say what was wrong and what to send instead, and enum values read in any case. */
@QuarkusTest
class RequestMessagesTest {

    private static final String PREDICTIONS = "/api/v1/predictions";

    @Test
    void aPatchAsPlainJsonIsToldToSendAMergePatch() {
        String key = create(prediction(key("patch-415")));
        given().contentType("application/json")
                .header("If-Match", "\"0\"")
                .body("{\"statement\": \"Changed by 2030.\"}")
                .patch(PREDICTIONS + "/{key}", key)
                .then()
                .statusCode(415)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/unsupported-media-type"))
                .body(
                        "detail",
                        equalTo("Content-Type application/json is not accepted: a PATCH is a JSON merge patch (RFC"
                                + " 7396), send Content-Type: application/merge-patch+json"));
        given().get(PREDICTIONS + "/{key}", key).then().body("version", equalTo(0));
    }

    @Test
    void anUnquotedIfMatchIsABadRequestShowingTheQuotedForm() {
        String key = create(prediction(key("unquoted-etag")));
        given().contentType(MERGE_PATCH)
                .header("If-Match", "0")
                .body("{\"statement\": \"Changed by 2030.\"}")
                .patch(PREDICTIONS + "/{key}", key)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/invalid-request"))
                .body("errors.field", contains("If-Match"))
                .body(
                        "errors[0].message",
                        equalTo("'0' is not an entity tag: ETags are quoted, send it as the ETag header gave it, e.g."
                                + " If-Match: \"0\""));
        given().get(PREDICTIONS + "/{key}", key)
                .then()
                .body("version", equalTo(0))
                .body("statement", equalTo(prediction(key).get("statement")));
    }

    @Test
    void aTokenWithoutTheBearerSchemeIsToldTheHeadersShape() {
        AdminTokenByDefault.anonymous();
        given().header("Authorization", AdminTokenByDefault.ADMIN_TOKEN)
                .get("/api/v1/tokens/current")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", "Bearer realm=\"hindsight\"")
                .body(
                        "detail",
                        equalTo("the Authorization header is not a bearer token: send the token after the word"
                                + " Bearer and a space, Authorization: Bearer <token>"));
        given().header("Authorization", "Bearer not-a-token")
                .get("/api/v1/tokens/current")
                .then()
                .statusCode(401)
                .body("detail", equalTo("the bearer token is unknown or revoked"));
    }

    @Test
    void aLowerCaseEnumInABodyIsAcceptedAndStoredUpperCase() {
        Map<String, Object> body = prediction(key("lower-kind"));
        body.put("kind", "forecast");
        String key = create(body);
        given().get(PREDICTIONS + "/{key}", key).then().statusCode(200).body("kind", equalTo("FORECAST"));
        given().contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body("{\"kind\": \"Stance\"}")
                .patch(PREDICTIONS + "/{key}", key)
                .then()
                .statusCode(200)
                .body("kind", equalTo("STANCE"));
        given().get(PREDICTIONS + "/{key}", key).then().body("kind", equalTo("STANCE"));
    }

    @Test
    void anUnknownEnumValueNamesTheAcceptedOnesInBodiesAndQueriesAlike() {
        Map<String, Object> body = prediction(key("bad-kind"));
        body.put("kind", "prophecy");
        given().contentType("application/json")
                .body(body)
                .post(PREDICTIONS)
                .then()
                .statusCode(400)
                .body("errors.field", contains("kind"))
                .body("errors[0].message", equalTo("'prophecy' must be one of FORECAST, COMMITMENT, STANCE, CLAIM"));
        given().get(PREDICTIONS + "/{key}", body.get("key")).then().statusCode(404);
        given().queryParam("kind", "prophecy")
                .get(PREDICTIONS)
                .then()
                .statusCode(400)
                .body("errors[0].message", equalTo("'prophecy' must be one of FORECAST, COMMITMENT, STANCE, CLAIM"));
    }

    @Test
    void enumValuesInEveryQueryAreReadInAnyCase() {
        given().queryParam("status", "active")
                .get("/api/v1/subscriptions")
                .then()
                .statusCode(200);
        given().queryParam("status", "sometimes")
                .get("/api/v1/subscriptions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("'sometimes' must be one of PENDING, ACTIVE, UNSUBSCRIBED"));
    }
}
