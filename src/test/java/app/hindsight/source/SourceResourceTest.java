package app.hindsight.source;

import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.source;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.hindsight.prediction.TestData;
import io.quarkus.test.common.http.TestHTTPEndpoint;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestHTTPEndpoint(SourceResource.class)
class SourceResourceTest {

    @Test
    void createdSourceHasALocationAndCanBeRead() {
        String key = key("source");
        Map<String, Object> body = source(key);

        given().contentType("application/json")
                .body(body)
                .post()
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/sources/" + key))
                .body("key", equalTo(key))
                .body("title", equalTo("Town hall " + key))
                .body("speaker", equalTo("Speaker of " + key))
                .body("date", equalTo("2026-01-27"))
                .body("url", equalTo("https://example.org/" + key))
                .body("language", equalTo("zh-Hant"))
                .body("description", equalTo("A test source"));

        given().get("{key}", key)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("key", equalTo(key))
                .body("title", equalTo("Town hall " + key))
                .body("date", equalTo("2026-01-27"))
                .body("createdAt", notNullValue());
    }

    @Test
    void sourceKeyIsGeneratedFromTheTitleWhenAbsent() {
        Map<String, Object> body = source(null);
        body.remove("key");
        String word = "summit" + TestData.uid();
        body.put("title", "The " + word + " interview");

        String key = given().contentType("application/json")
                .body(body)
                .post()
                .then()
                .statusCode(201)
                .extract()
                .path("key");

        assertEquals(word + "-interview", key);
        given().get("{key}", key).then().statusCode(200);
    }

    @Test
    void listPagesThroughEverySourceWithACursor() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(TestData.createSource(source(key("paged-src" + i))));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get();
            page.then().statusCode(200);
            List<String> keys = page.path("items.key");
            assertTrue(keys.size() <= 2, "limit respected: " + keys);
            seen.addAll(keys);
            cursor = page.path("nextCursor");
            if (cursor != null) {
                page.then().header("Link", matchesPattern("<[^>]*cursor=" + cursor + "[^>]*>; *rel=\"next\""));
            } else {
                page.then().header("Link", nullValue());
            }
            pages++;
        } while (cursor != null && pages < 10_000);

        assertTrue(seen.containsAll(created), "every created source listed: " + seen);
        assertEquals(seen.size(), seen.stream().distinct().count(), "no source twice");
        int first = seen.indexOf(created.get(0));
        assertEquals(created, seen.subList(first, first + 3), "oldest first");
    }

    @Test
    void duplicateSourceKeyIsAConflict() {
        String key = TestData.createSource(source(key("dup-src")));

        given().contentType("application/json")
                .body(source(key))
                .post()
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(409))
                .body("detail", containsString(key));
    }

    @Test
    void sourceWithoutTitleIsABadRequest() {
        Map<String, Object> body = source(key("no-title"));
        body.remove("title");
        invalid(body, "title");
    }

    @Test
    void sourceWithAnFtpUrlIsABadRequest() {
        Map<String, Object> body = source(key("ftp"));
        body.put("url", "ftp://example.org/talk");
        invalid(body, "url");
    }

    @Test
    void sourceWithAnImpossibleDateIsABadRequest() {
        Map<String, Object> body = source(key("bad-date"));
        body.put("date", "2026-02-30");
        invalid(body, "date");
    }

    @Test
    void sourceWithABadLanguageTagIsABadRequest() {
        Map<String, Object> body = source(key("bad-lang"));
        body.put("language", "not a tag");
        invalid(body, "language");
    }

    @Test
    void sourceWithAnUnknownFieldIsABadRequest() {
        Map<String, Object> body = source(key("unknown-field"));
        body.put("venue", "San Francisco");
        invalid(body, "venue");
    }

    @Test
    void unknownSourceIsNotFound() {
        String key = key("no-such-source");
        given().get("{key}", key)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404))
                .body("detail", containsString(key));
    }

    @Test
    void badLimitOrCursorIsABadRequest() {
        given().queryParam("limit", 0)
                .get()
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("limit"));
        given().queryParam("limit", 501).get().then().statusCode(400).body("errors.field", hasItem("limit"));
        given().queryParam("cursor", "garbage")
                .get()
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void racingCreatesOfOneSourceKeyMakeOneSourceAndConflicts() throws Exception {
        Map<String, Object> body = source(key("race-src"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return given().contentType("application/json")
                            .body(body)
                            .post()
                            .statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (var f : futures) {
                codes.add(f.get());
            }
            assertEquals(1, codes.stream().filter(c -> c == 201).count(), "one winner: " + codes);
            assertEquals(5, codes.stream().filter(c -> c == 409).count(), "the rest conflict: " + codes);
        } finally {
            pool.shutdown();
        }
    }

    private static ValidatableResponse invalid(Map<String, Object> body, String field) {
        ValidatableResponse response = given().contentType("application/json")
                .body(body)
                .post()
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("detail", notNullValue())
                .body("errors.field", hasItem(field));
        Object key = body.get("key");
        if (key != null) {
            given().get("{key}", key).then().statusCode(404);
        }
        return response;
    }
}
