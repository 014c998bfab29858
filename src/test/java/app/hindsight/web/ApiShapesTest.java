package app.hindsight.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** One shape for the same thing: every list a page, references by the thing's name, instants in ...At. */
@QuarkusTest
class ApiShapesTest {

    @Test
    void tokensAreListedAsAPageFollowedByTheirCursor() {
        String name = "shape-" + TestData.uid();
        given().contentType("application/json")
                .body(Map.of("name", name, "roles", List.of("reader")))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201);
        var first = given().queryParam("limit", 1).get("/api/v1/tokens").then().statusCode(200);
        first.body("items", hasSize(1))
                .body("items[0].token", nullValue())
                .body("nextCursor", notNullValue())
                .header("Link", containsString("rel=\"next\""));
        String cursor = first.extract().path("nextCursor");
        int firstId = first.extract().path("items[0].id");
        int secondId = given().queryParam("limit", 1)
                .queryParam("cursor", cursor)
                .get("/api/v1/tokens")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        assertNotEquals(firstId, secondId);
        given().queryParam("limit", 500).get("/api/v1/tokens").then().body("items.name", hasItem(name));
    }

    @Test
    void webhooksAreListedAsAPage() {
        int id = given().contentType("application/json")
                .body(Map.of("url", "https://hooks.example.org/shape", "eventTypes", List.of("prediction.due")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().queryParam("limit", 500)
                .get("/api/v1/webhooks")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("nextCursor", nullValue());
        given().delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
    }

    @Test
    void jobsAreOnePageWithInstantsInAt() {
        JsonPath jobs =
                given().get("/api/v1/jobs").then().statusCode(200).extract().jsonPath();
        assertNull(jobs.get("nextCursor"));
        List<Map<String, Object>> items = jobs.getList("items");
        assertNotEquals(0, items.size());
        for (Map<String, Object> job : items) {
            assertEquals(job.get("nextFireAt"), job.get("nextFireTime"), job.get("name") + ": the deprecated name");
            assertEquals(job.get("previousFireAt"), job.get("previousFireTime"), String.valueOf(job.get("name")));
        }
    }

    @Test
    void aPendingSubscriptionSaysWhenItsConfirmationExpiresUnderBothNames() {
        var created = given().contentType("application/json")
                .body(Map.of("email", "shape-" + TestData.uid() + "@example.org", "cadence", "DAILY"))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201)
                .body("confirmationExpiresAt", notNullValue());
        String expires = created.extract().path("confirmationExpiresAt");
        created.body("confirmBy", equalTo(expires));
    }

    @Test
    void theApiDescriptionMarksTheOldNamesDeprecated() {
        JsonPath doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .extract()
                .jsonPath();
        for (String[] old : new String[][] {
            {"ForecasterRecord", "scores"},
            {"WebhookDelivery", "predictionKey"},
            {"Job", "nextFireTime"},
            {"Job", "previousFireTime"},
            {"Subscription", "confirmBy"}
        }) {
            assertEquals(
                    Boolean.TRUE,
                    doc.get("components.schemas." + old[0] + ".properties." + old[1] + ".deprecated"),
                    old[0] + "." + old[1]);
        }
        assertNull(doc.get("components.schemas.ForecasterRecord.properties.name.deprecated"));
    }
}
