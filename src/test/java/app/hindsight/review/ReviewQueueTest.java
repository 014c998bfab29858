package app.hindsight.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** The review queue over HTTP. A prediction reopened after its target date goes straight to DUE and into the queue. */
@QuarkusTest
class ReviewQueueTest {

    @Test
    void reopenedPastDuePredictionIsQueuedAndCanBeAssigned() {
        String key = TestData.createDue("queue");
        int id = given().get("/api/v1/reviews?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.prediction == '" + key + "' }.id");
        given().get("/api/v1/reviews?limit=500")
                .then()
                .body("items.find { it.prediction == '" + key + "' }.reason", equalTo("TARGET_REACHED"))
                .body("items.find { it.prediction == '" + key + "' }.dueOn", equalTo("2026-01-01"))
                .body("items.find { it.prediction == '" + key + "' }.daysOverdue", greaterThan(300))
                .body(
                        "items.find { it.prediction == '" + key + "' }.statement",
                        equalTo(given().get(TestData.PREDICTIONS + "/" + key)
                                .then()
                                .extract()
                                .path("statement")));

        String who = "alice-" + TestData.uid();
        given().contentType("application/json")
                .body(Map.of("assignee", who))
                .put("/api/v1/reviews/" + id + "/assignee")
                .then()
                .statusCode(200)
                .body("assignee", equalTo(who))
                .body("id", equalTo(id));
        given().get("/api/v1/reviews?assignee=" + who)
                .then()
                .statusCode(200)
                .body("items.prediction", equalTo(List.of(key)));

        given().contentType("application/json")
                .body("{\"assignee\": null}")
                .put("/api/v1/reviews/" + id + "/assignee")
                .then()
                .statusCode(200)
                .body("assignee", nullValue());
    }

    @Test
    void withdrawingClosesTheReviewAndAClosedReviewCannotBeAssigned() {
        String key = TestData.createDue("closing");
        int id = given().get("/api/v1/reviews?limit=500")
                .then()
                .extract()
                .path("items.find { it.prediction == '" + key + "' }.id");
        given().contentType("application/json")
                .body("{\"note\": \"mis-extracted\"}")
                .post(TestData.PREDICTIONS + "/" + key + "/withdrawal")
                .then()
                .statusCode(200);
        given().get("/api/v1/reviews?limit=500").then().body("items.prediction", not(hasItem(key)));
        given().get("/api/v1/reviews?state=CLOSED&limit=500")
                .then()
                .body("items.find { it.id == " + id + " }.closure", equalTo("WITHDRAWN"))
                .body("items.find { it.id == " + id + " }.daysOverdue", nullValue());
        given().contentType("application/json")
                .body(Map.of("assignee", "bob"))
                .put("/api/v1/reviews/" + id + "/assignee")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void badRequestsAreProblems() {
        given().get("/api/v1/reviews?state=MAYBE")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("state"));
        given().get("/api/v1/reviews?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().contentType("application/json")
                .body(Map.of("assignee", "x"))
                .put("/api/v1/reviews/999999999/assignee")
                .then()
                .statusCode(404);
        given().contentType("application/json")
                .body(Map.of("assignee", "x"))
                .put("/api/v1/reviews/abc/assignee")
                .then()
                .statusCode(404);
        given().contentType("application/json")
                .body("{\"who\": \"x\"}")
                .put("/api/v1/reviews/1/assignee")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("who"));
        given().get("/api/v1/reviews?state=CLOSED")
                .then()
                .statusCode(200)
                .body("items.closedAt", everyItem(org.hamcrest.Matchers.notNullValue()));
    }
}
