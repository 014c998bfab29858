package app.hindsight.prediction;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.specification.RequestSpecification;

/**
 * Request bodies and small API steps the tests share. Every helper sets its own base path, so it works
 * from a test class with or without {@code @TestHTTPEndpoint}. Dates are far from today (2030 for the
 * future, 2025 for the past) so no test needs a mock clock.
 */
public final class TestData {

    public static final String PREDICTIONS = "/api/v1/predictions";
    public static final String SOURCES = "/api/v1/sources";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    private TestData() {}

    /** Eight lower-case hex characters: unique enough for keys, topics and speakers of one run. */
    public static String uid() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A unique, valid prediction key with a readable prefix. */
    public static String key(String prefix) {
        return prefix + "-" + uid();
    }

    /** A valid create body: a FORECAST due at the end of 2030. The map is mutable, nested maps too. */
    public static Map<String, Object> prediction(String key) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (key != null) {
            p.put("key", key);
        }
        p.put("statement", "By the end of 2030 test prediction " + (key == null ? uid() : key) + " will come true.");
        p.put("kind", "FORECAST");
        p.put("speaker", "Test Speaker");
        p.put("madeOn", "2026-01-27");
        p.put("topics", new ArrayList<>(List.of("testing")));
        p.put("target", target("2030-12-31", "YEAR", "EXPLICIT", "by the end of 2030"));
        return p;
    }

    /** A prediction whose target window ended on 2025-12-31, so its dueAt has passed. */
    public static Map<String, Object> pastPrediction(String key) {
        Map<String, Object> p = prediction(key);
        p.put("statement", "By the end of 2025 past prediction " + key + " came true.");
        p.put("madeOn", "2025-01-10");
        p.put("target", target("2025-12-31", "YEAR", "EXPLICIT", "by the end of 2025"));
        return p;
    }

    /**
     * A valid create body with the town hall's 100x metric: 3.4375 USD per million tokens on 2026-01-27 down to
     * 0.034375 by the end of 2027, on a LOG scale.
     */
    public static Map<String, Object> hundredFold(String key) {
        Map<String, Object> p = prediction(key);
        p.put("target", target("2027-12-31", "YEAR", "EXPLICIT", "by the end of 2027"));
        p.put(
                "metric",
                Map.of(
                        "name", "blended API price",
                        "unit", "USD per million tokens",
                        "baseline", Map.of("value", 3.4375, "on", "2026-01-27"),
                        "target", 0.034375,
                        "direction", "DECREASE",
                        "scale", "LOG"));
        return p;
    }

    public static Map<String, Object> target(String date, String precision, String basis, String label) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("date", date);
        t.put("precision", precision);
        t.put("basis", basis);
        t.put("label", label);
        return t;
    }

    public static Map<String, Object> source(String key) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("key", key);
        s.put("title", "Town hall " + key);
        s.put("speaker", "Speaker of " + key);
        s.put("date", "2026-01-27");
        s.put("url", "https://example.org/" + key);
        s.put("language", "zh-Hant");
        s.put("description", "A test source");
        return s;
    }

    public static RequestSpecification predictions() {
        return given().basePath(PREDICTIONS);
    }

    /** Creates the prediction, asserting 201, and returns its key. */
    public static String create(Map<String, Object> body) {
        return predictions()
                .contentType("application/json")
                .body(body)
                .when()
                .post()
                .then()
                .statusCode(201)
                .extract()
                .path("key");
    }

    public static String createSource(Map<String, Object> body) {
        return given().basePath(SOURCES)
                .contentType("application/json")
                .body(body)
                .when()
                .post()
                .then()
                .statusCode(201)
                .extract()
                .path("key");
    }

    public static String status(String key) {
        return predictions().get("{key}", key).then().statusCode(200).extract().path("status");
    }

    public static void resolve(String key) {
        predictions()
                .contentType("application/json")
                .body(Map.of("outcome", "CORRECT", "note", "checked"))
                .post("{key}/resolution", key)
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"));
    }

    /** A prediction in status DUE without the scheduler: a past target, resolved, then reopened. */
    public static String createDue(String prefix) {
        String key = create(pastPrediction(key(prefix)));
        resolve(key);
        predictions().delete("{key}/resolution", key).then().statusCode(200).body("status", equalTo("DUE"));
        return key;
    }
}
