package app.hindsight.prediction;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SmokeTest {

    @Test
    void smoke() {
        String body = """
                {"statement": "By the end of 2027 X will happen.", "kind": "FORECAST", "speaker": "Sam Altman",
                 "madeOn": "2026-01-27", "topics": ["cost"],
                 "target": {"date": "2027-12-31", "precision": "YEAR", "basis": "EXPLICIT", "label": "by the end of 2027"}}""";
        given().contentType("application/json").body(body).post("/api/v1/predictions").then().log().all().statusCode(201);
        given().get("/api/v1/predictions").then().log().all().statusCode(200);
        given().contentType("application/json").body("{\"statement\": 1, \"kind\": \"X\"}").post("/api/v1/predictions").then().log().all();
        given().contentType("application/json").body("{\"statement\": ").post("/api/v1/predictions").then().log().all();
        given().contentType("application/json").body("{\"bogus\": 1}").post("/api/v1/predictions").then().log().all();
        given().contentType("application/json").body("{\"statement\": \"x\", \"kind\": \"FORECAST\", \"target\": {\"basis\": \"NONE\"}, \"madeOn\": \"2026-13-01\"}").post("/api/v1/predictions").then().log().all();
        given().get("/api/v1/predictions?status=FOO&limit=0").then().log().all();
        given().get("/q/openapi").then().statusCode(200);
    }
}
