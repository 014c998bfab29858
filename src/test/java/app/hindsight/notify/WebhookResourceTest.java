package app.hindsight.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.prediction.TestData;
import io.quarkus.test.common.http.TestHTTPEndpoint;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestHTTPEndpoint(WebhookResource.class)
class WebhookResourceTest {

    /** Port 9 (discard) on the loopback: nothing listens, so a stray delivery fails at once. */
    static final String NOWHERE = "http://127.0.0.1:9/hook";

    private final List<Integer> created = new ArrayList<>();

    @AfterEach
    void deleteWhatThisTestCreated() {
        created.forEach(id -> given().header("Authorization", "Bearer " + AdminTokenByDefault.ADMIN_TOKEN)
                .delete("{id}", id));
    }

    static Map<String, Object> body(String url, List<String> eventTypes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("eventTypes", eventTypes);
        body.put("description", "test " + TestData.uid());
        return body;
    }

    private ValidatableResponse post(Object body) {
        return given().contentType("application/json").body(body).post().then();
    }

    private int create(String url, List<String> eventTypes) {
        int id = post(body(url, eventTypes)).statusCode(201).extract().path("id");
        created.add(id);
        return id;
    }

    @Test
    void createdSubscriptionShowsItsSecretOnceAndNeverAgain() {
        var response = post(body(NOWHERE, List.of("review.overdue", "prediction.due", "prediction.due")))
                .statusCode(201)
                .contentType("application/json")
                .body("url", equalTo(NOWHERE))
                .body("eventTypes", equalTo(List.of("prediction.due", "review.overdue")))
                .body("enabled", equalTo(true))
                .body("consecutiveFailures", equalTo(0))
                .body("createdBy", equalTo("admin"))
                .body("secret", startsWith("whsec_"))
                .extract();
        int id = response.path("id");
        created.add(id);
        String secret = response.path("secret");
        assertTrue(response.header("Location").endsWith("/api/v1/webhooks/" + id), response.header("Location"));
        assertTrue(Base64.getDecoder().decode(secret.substring("whsec_".length())).length >= 24, secret);

        given().get("{id}", id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("url", equalTo(NOWHERE))
                .body("$", not(hasKey("secret")));
        all().then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.secret", everyItem(nullValue()))
                .body("nextCursor", nullValue());
        assertTrue(!all().asString().contains(secret), "secret in the list");
        assertTrue(!given().get("{id}", id).asString().contains(secret), "secret in GET");
    }

    @Test
    void httpsUrlsAndEveryEventTypeAreAccepted() {
        int id = create(
                "https://hooks.example.org:8443/hindsight?channel=predictions",
                List.of("prediction.due", "prediction.upcoming", "review.overdue"));
        given().get("{id}", id)
                .then()
                .statusCode(200)
                .body("eventTypes", equalTo(List.of("prediction.due", "prediction.upcoming", "review.overdue")));
    }

    static Stream<Arguments> invalidBodies() {
        Map<String, Object> missingEventTypes = body(NOWHERE, null);
        missingEventTypes.remove("eventTypes");
        Map<String, Object> missingUrl = body(null, List.of("prediction.due"));
        missingUrl.remove("url");
        Map<String, Object> unknownField = body(NOWHERE, List.of("prediction.due"));
        unknownField.put("enabled", false);
        Map<String, Object> nullEventType = new HashMap<>(body(NOWHERE, null));
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        nullEventType.put("eventTypes", withNull);
        return Stream.of(
                Arguments.of("ftp URL", body("ftp://files.example.org/hook", List.of("prediction.due")), "url"),
                Arguments.of("javascript URL", body("javascript:alert(1)", List.of("prediction.due")), "url"),
                Arguments.of("file URL", body("file:///etc/passwd", List.of("prediction.due")), "url"),
                Arguments.of("relative URL", body("/hooks/hindsight", List.of("prediction.due")), "url"),
                Arguments.of(
                        "user-info",
                        body("https://user:password@hooks.example.org/", List.of("prediction.due")),
                        "url"),
                Arguments.of("no host", body("http:///hook", List.of("prediction.due")), "url"),
                Arguments.of("not a URL", body("http://exa mple.org/", List.of("prediction.due")), "url"),
                Arguments.of("blank URL", body(" ", List.of("prediction.due")), "url"),
                Arguments.of("missing URL", missingUrl, "url"),
                Arguments.of("missing eventTypes", missingEventTypes, "eventTypes"),
                Arguments.of("empty eventTypes", body(NOWHERE, List.of()), "eventTypes"),
                Arguments.of(
                        "unknown event type",
                        body(NOWHERE, List.of("prediction.due", "prediction.resolved")),
                        "eventTypes[1]"),
                Arguments.of("null event type", nullEventType, "eventTypes[0]"),
                Arguments.of(
                        "eventTypes not an array", Map.of("url", NOWHERE, "eventTypes", Map.of("a", 1)), "eventTypes"),
                Arguments.of("unknown field", unknownField, "enabled"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void invalidSubscriptionIsA400NamingTheField(String name, Object body, String field) {
        int before = all().then().statusCode(200).extract().path("items.size()");
        post(body)
                .statusCode(400)
                .contentType(TestData.PROBLEM_JSON)
                .body("type", equalTo("/problems/invalid-request"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
        all().then().body("items.size()", equalTo(before));
    }

    @Test
    void malformedJsonIsA400() {
        given().contentType("application/json")
                .body("{\"url\": ")
                .post()
                .then()
                .statusCode(400)
                .contentType(TestData.PROBLEM_JSON)
                .body("errors.field", hasItem("body"));
    }

    @Test
    void unknownSubscriptionIsA404Problem() {
        for (String id : List.of("999999999", "not-a-number")) {
            given().get("{id}", id)
                    .then()
                    .statusCode(404)
                    .contentType(TestData.PROBLEM_JSON)
                    .body("type", equalTo("/problems/not-found"))
                    .body("detail", equalTo("webhook '" + id + "' does not exist"));
            given().delete("{id}", id).then().statusCode(404).contentType(TestData.PROBLEM_JSON);
            given().get("{id}/deliveries", id).then().statusCode(404).contentType(TestData.PROBLEM_JSON);
        }
    }

    @Test
    void deletedSubscriptionIsGone() {
        int id = create(NOWHERE, List.of("prediction.due"));
        given().delete("{id}", id).then().statusCode(204);
        given().get("{id}", id).then().statusCode(404);
        given().get("{id}/deliveries", id).then().statusCode(404);
        all().then().body("items.id", not(hasItem(id)));
        given().delete("{id}", id).then().statusCode(404);
    }

    @Test
    void deliveryLogOfANewSubscriptionIsEmpty() {
        int id = create(NOWHERE, List.of("prediction.due"));
        given().get("{id}/deliveries", id)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0))
                .body("nextCursor", nullValue());
    }

    @Test
    void badDeliveryLogParametersAre400s() {
        int id = create(NOWHERE, List.of("prediction.due"));
        given().queryParam("status", "LOST")
                .get("{id}/deliveries", id)
                .then()
                .statusCode(400)
                .contentType(TestData.PROBLEM_JSON)
                .body("errors.field", hasItem("status"));
        given().queryParam("limit", "0")
                .get("{id}/deliveries", id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("limit"));
        given().queryParam("cursor", "forged")
                .get("{id}/deliveries", id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void onlyAdminsManageWebhooks() {
        int id = create(NOWHERE, List.of("prediction.due"));
        String editor = given().basePath("/api/v1/tokens")
                .contentType("application/json")
                .body(Map.of("name", TestData.key("hooks-editor"), "roles", List.of("editor", "reviewer")))
                .post()
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        for (String auth : List.of("Bearer " + editor)) {
            given().header("Authorization", auth).get().then().statusCode(403).contentType(TestData.PROBLEM_JSON);
            given().header("Authorization", auth).get("{id}", id).then().statusCode(403);
            given().header("Authorization", auth)
                    .get("{id}/deliveries", id)
                    .then()
                    .statusCode(403);
            given().header("Authorization", auth).delete("{id}", id).then().statusCode(403);
            given().header("Authorization", auth)
                    .contentType("application/json")
                    .body(body(NOWHERE, List.of("prediction.due")))
                    .post()
                    .then()
                    .statusCode(403);
        }
        int before = all().then().extract().path("items.size()");

        AdminTokenByDefault.anonymous();
        given().get()
                .then()
                .statusCode(401)
                .contentType(TestData.PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().get("{id}", id).then().statusCode(401);
        given().get("{id}/deliveries", id).then().statusCode(401);
        given().delete("{id}", id).then().statusCode(401);
        given().contentType("application/json")
                .body(body(NOWHERE, List.of("prediction.due")))
                .post()
                .then()
                .statusCode(401);

        given().header("Authorization", "Bearer " + AdminTokenByDefault.ADMIN_TOKEN)
                .get("{id}", id)
                .then()
                .statusCode(200);
        given().header("Authorization", "Bearer " + AdminTokenByDefault.ADMIN_TOKEN)
                .queryParam("limit", 500)
                .get()
                .then()
                .body("items.size()", equalTo(before));
    }

    /** The list, on one page: the tests of a run create far fewer webhooks than the largest page. */
    private static io.restassured.response.Response all() {
        return given().queryParam("limit", 500).get();
    }
}
