package app.hindsight.prediction;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * GET by key may be answered from memory; every way of writing a prediction must show in the next GET: a
 * patch, a transition, an import, a delete.
 */
@QuarkusTest
class ReadCacheTest {

    @Test
    void everyWriteShowsInTheNextRead() {
        String key = TestData.key("cached");
        TestData.create(TestData.prediction(key));
        given().get(TestData.PREDICTIONS + "/" + key).then().statusCode(200).header("ETag", "\"0\"");
        given().get(TestData.PREDICTIONS + "/" + key).then().statusCode(200).header("ETag", "\"0\"");

        given().contentType(TestData.MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body("{\"resolutionCriteria\": \"A.\"}")
                .patch(TestData.PREDICTIONS + "/" + key)
                .then()
                .statusCode(200);
        given().get(TestData.PREDICTIONS + "/" + key)
                .then()
                .header("ETag", "\"1\"")
                .body("resolutionCriteria", equalTo("A."));

        given().contentType("application/json")
                .body(Map.of("outcome", "CORRECT", "note", "n"))
                .post(TestData.PREDICTIONS + "/" + key + "/resolution")
                .then()
                .statusCode(200);
        given().get(TestData.PREDICTIONS + "/" + key)
                .then()
                .header("ETag", "\"2\"")
                .body("status", equalTo("RESOLVED"));

        Map<String, Object> changed = TestData.prediction(key);
        changed.put("statement", "Changed by an import.");
        given().contentType("application/json")
                .body(List.of(changed))
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("updated", equalTo(1));
        given().get(TestData.PREDICTIONS + "/" + key)
                .then()
                .header("ETag", "\"3\"")
                .body("statement", equalTo("Changed by an import."));

        given().delete(TestData.PREDICTIONS + "/" + key).then().statusCode(204);
        given().get(TestData.PREDICTIONS + "/" + key).then().statusCode(404);
    }
}
