package app.hindsight.forecast;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import app.hindsight.prediction.TestData;
import io.restassured.response.ValidatableResponse;

/** Test steps: forecaster tokens, forecasts, resolutions. */
final class Forecasters {

    private Forecasters() {}

    /** A new token with these roles; returns its bearer header value. */
    static String token(String name, String... roles) {
        String token = given().contentType("application/json")
                .body(Map.of("name", name, "roles", List.of(roles)))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        return "Bearer " + token;
    }

    static ValidatableResponse forecast(String key, String bearer, Object body) {
        return given().header("Authorization", bearer)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/predictions/{key}/forecasts", key)
                .then();
    }

    /** Records the forecast, asserting 201. */
    static void forecast(String key, String bearer, double probability) {
        forecast(key, bearer, Map.of("probability", probability)).statusCode(201);
    }

    static void resolve(String key, String outcome) {
        TestData.predictions()
                .contentType("application/json")
                .body(Map.of("outcome", outcome, "note", "checked"))
                .post("{key}/resolution", key)
                .then()
                .statusCode(200);
    }

    static void reopen(String key) {
        TestData.predictions().delete("{key}/resolution", key).then().statusCode(200);
    }

    /** A prediction by this speaker, with these topics, due at the end of 2030. */
    static String prediction(String speaker, String... topics) {
        Map<String, Object> body = TestData.prediction(TestData.key("scored"));
        body.put("speaker", speaker);
        body.put("topics", List.of(topics));
        return TestData.create(body);
    }
}
