package app.hindsight.prediction;

import static app.hindsight.prediction.TestData.MERGE_PATCH;
import static app.hindsight.prediction.TestData.create;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.prediction;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.hindsight.shared.Keys;
import io.quarkus.test.common.http.TestHTTPEndpoint;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Racing clients: the loser hears a 4xx that says why, never a 500. */
@QuarkusTest
@TestHTTPEndpoint(PredictionResource.class)
class ConcurrencyTest {

    private static final int RACERS = 6;

    @Test
    void racingCreatesOfOneKeyMakeOnePredictionAndConflicts() throws Exception {
        String key = key("race-create");
        Map<String, Object> body = prediction(key);

        List<Response> responses =
                race(() -> given().contentType("application/json").body(body).post());

        List<Integer> codes = responses.stream().map(Response::statusCode).toList();
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), "one winner: " + codes);
        assertEquals(RACERS - 1, codes.stream().filter(c -> c == 409).count(), "the rest conflict: " + codes);
        responses.stream()
                .filter(r -> r.statusCode() == 409)
                .forEach(r -> r.then().contentType(TestData.PROBLEM_JSON).body("status", equalTo(409)));
        given().get("{key}/history", key).then().statusCode(200).body("items.type", equalTo(List.of("CREATED")));
    }

    @Test
    void racingPatchesWithOneETagLetOneWinAndTheRestFailThePrecondition() throws Exception {
        String key = create(prediction(key("race-patch")));

        List<Response> responses = race(() -> given().contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body("{\"statement\": \"Raced by " + Thread.currentThread().getName() + " by 2030.\"}")
                .patch("{key}", key));

        List<Integer> codes = responses.stream().map(Response::statusCode).toList();
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), "one winner: " + codes);
        assertTrue(codes.stream().allMatch(c -> c == 200 || c == 412 || c == 409), "only 412/409 for losers: " + codes);
        given().get("{key}", key).then().header("ETag", equalTo("\"1\""));
        given().get("{key}/history", key).then().body("items.type", equalTo(List.of("CREATED", "UPDATED")));
    }

    @Test
    void racingResolutionsResolveOnce() throws Exception {
        String key = create(prediction(key("race-resolve")));

        List<Response> responses = race(() -> given().contentType("application/json")
                .body(Map.of("outcome", "CORRECT", "note", "raced"))
                .post("{key}/resolution", key));

        List<Integer> codes = responses.stream().map(Response::statusCode).toList();
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), "one winner: " + codes);
        // No If-Match was sent, so no loser may hear of a stale ETag.
        assertTrue(codes.stream().allMatch(c -> c == 200 || c == 409), "losers get 409: " + codes);
        given().get("{key}/history", key).then().body("items.type", equalTo(List.of("CREATED", "RESOLVED")));
    }

    @Test
    void racingKeylessCreatesOfOneStatementAllSucceedWithSuffixedKeys() throws Exception {
        Map<String, Object> body = prediction(null);
        String base = Keys.fromStatement((String) body.get("statement"));

        List<Response> responses =
                race(() -> given().contentType("application/json").body(body).post());

        List<Integer> codes = responses.stream().map(Response::statusCode).toList();
        assertEquals(
                List.of(201, 201, 201, 201, 201, 201),
                codes,
                "every keyless create succeeds: "
                        + responses.stream()
                                .map(r -> r.statusCode() + " " + r.asString())
                                .toList());
        java.util.Set<String> keys = new java.util.TreeSet<>();
        responses.forEach(r -> keys.add(r.path("key")));
        assertEquals(suffixed(base), keys);
        for (String key : keys) {
            given().get("{key}/history", key).then().statusCode(200).body("items.type", equalTo(List.of("CREATED")));
        }
    }

    @Test
    void racingKeylessImportsOfOneStatementAllCreate() throws Exception {
        Map<String, Object> body = prediction(null);
        String base = Keys.fromStatement((String) body.get("statement"));
        String line = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);

        List<Response> responses = race(() -> given().basePath("/api/v1/imports")
                .contentType("application/x-ndjson")
                .body(line.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post());

        List<Integer> codes = responses.stream().map(Response::statusCode).toList();
        assertEquals(
                List.of(200, 200, 200, 200, 200, 200),
                codes,
                "every keyless import succeeds: "
                        + responses.stream()
                                .map(r -> r.statusCode() + " " + r.asString())
                                .toList());
        responses.forEach(r -> r.then().body("created", equalTo(1)));
        for (String key : suffixed(base)) {
            given().get("{key}", key).then().statusCode(200).body("statement", equalTo(body.get("statement")));
        }
    }

    /** base, base-2, ... base-RACERS, sorted. */
    private static java.util.Set<String> suffixed(String base) {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        keys.add(base);
        for (int n = 2; n <= RACERS; n++) {
            keys.add(base + "-" + n);
        }
        return keys;
    }

    private static List<Response> race(Callable<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }
}
