package app.hindsight.prediction;

import static app.hindsight.prediction.TestData.MERGE_PATCH;
import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.create;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.prediction;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPEndpoint;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@TestHTTPEndpoint(PredictionResource.class)
class HistoryAndDeleteTest {

    @Test
    void historyListsEveryEventOldestFirstWithActorAndNote() {
        String key = create(prediction(key("history")));
        given().contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body("{\"resolutionCriteria\": \"Read the price list.\"}")
                .patch("{key}", key)
                .then()
                .statusCode(200);
        given().contentType("application/json")
                .body(Map.of("outcome", "CORRECT", "note", "price list shows it"))
                .post("{key}/resolution", key)
                .then()
                .statusCode(200);
        given().queryParam("note", "wrong price list")
                .delete("{key}/resolution", key)
                .then()
                .statusCode(200);

        var history = given().get("{key}/history", key)
                .then()
                .statusCode(200)
                .body("items.type", equalTo(List.of("CREATED", "UPDATED", "RESOLVED", "REOPENED")))
                .body("items.actor", everyItem(notNullValue()))
                .body("items.at", everyItem(notNullValue()))
                .body("items[1].details.resolutionCriteria.new", equalTo("Read the price list."))
                .body("items[2].note", equalTo("price list shows it"))
                .body("items[2].details.outcome", equalTo("CORRECT"))
                .body("items[3].note", equalTo("wrong price list"))
                .body("items[3].details.status", equalTo("OPEN"))
                .extract();

        List<String> at = history.path("items.at");
        for (int i = 1; i < at.size(); i++) {
            assertTrue(!Instant.parse(at.get(i)).isBefore(Instant.parse(at.get(i - 1))), "oldest first: " + at);
        }
        List<Integer> ids = history.path("items.id");
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i) > ids.get(i - 1), "ids ascend: " + ids);
        }
    }

    @Test
    void historyOfANeverUsedKeyIsNotFound() {
        given().get("{key}/history", key("never-used"))
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404))
                .body("detail", notNullValue());
    }

    @Test
    void getOfAnUnknownKeyIsNotFound() {
        String key = key("no-such");
        given().get("{key}", key)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("status", equalTo(404))
                .body("detail", containsString(key));
    }

    @Test
    void getReturnsThePredictionWithItsETag() {
        String key = create(prediction(key("get")));
        given().get("{key}", key)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("ETag", equalTo("\"0\""))
                .body("key", equalTo(key))
                .body("status", equalTo("OPEN"))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());
    }

    @Test
    void deletedPredictionIsGoneButItsHistoryStaysAndItsKeyIsNotReused() {
        String key = create(prediction(key("delete")));

        given().delete("{key}", key).then().statusCode(204);

        given().get("{key}", key).then().statusCode(404).contentType(PROBLEM_JSON);
        given().get("{key}/history", key)
                .then()
                .statusCode(200)
                .body("items.type", equalTo(List.of("CREATED", "DELETED")));
        given().contentType("application/json")
                .body(prediction(key))
                .post()
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(409));
        given().get("{key}", key).then().statusCode(404);
    }

    @Test
    void deletedKeyIsNotReusedByKeyGeneration() {
        Map<String, Object> body = prediction(null);
        body.put("statement", "Quokkas " + TestData.uid() + " will rule by 2030.");
        String first = create(body);
        given().delete("{key}", first).then().statusCode(204);

        String second = create(body);
        assertTrue(second.equals(first + "-2"), second);
    }

    @Test
    void deletingAnUnknownPredictionIsNotFound() {
        given().delete("{key}", key("never")).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void deletingWithAStaleIfMatchIsPreconditionFailed() {
        String key = create(prediction(key("delete-412")));
        given().header("If-Match", "\"3\"")
                .delete("{key}", key)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON);
        given().get("{key}", key).then().statusCode(200);
    }
}
