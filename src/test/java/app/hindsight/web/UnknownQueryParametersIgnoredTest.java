package app.hindsight.web;

import static app.hindsight.prediction.TestData.create;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.prediction;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** hindsight.api.unknown-query-parameters=ignore: old clients' extra parameters pass, known ones still apply. */
@QuarkusTest
@TestProfile(UnknownQueryParametersIgnoredTest.Ignore.class)
class UnknownQueryParametersIgnoredTest {

    public static class Ignore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "hindsight.api.unknown-query-parameters",
                    "ignore",
                    "quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:ignoreparams;DB_CLOSE_DELAY=-1",
                    "hindsight.seed.enabled",
                    "false");
        }
    }

    @Test
    void unknownParametersAreIgnoredWhileKnownOnesStillFilterAndAreChecked() {
        String key = create(prediction(key("ignored-param")));
        given().queryParam("speakr", "nobody")
                .queryParam("q", key)
                .get("/api/v1/predictions")
                .then()
                .statusCode(200)
                .body("items.key", hasItem(key));
        given().queryParam("verbose", "1")
                .get("/api/v1/speakers/{name}", "Test Speaker")
                .then()
                .statusCode(200);
        given().queryParam("status", "SOMETIMES")
                .get("/api/v1/predictions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }
}
