package app.hindsight.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.response.Response;

/**
 * Two replicas of the packaged jar on one PostgreSQL, Quartz clustered: they serve the same data, scanning
 * at the same moment flags each due prediction once, and when one dies mid-scan the other finishes the work.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static String database;
    static AppProcess a;
    static AppProcess b;
    static SigningReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        Postgres.assumeAvailable();
        database = Postgres.createDatabase("hindsight_it_cluster");
        a = AppProcess.start("replica-a", database, Map.of());
        b = AppProcess.start("replica-b", database, Map.of());
        receiver = new SigningReceiver();
        receiver.secret(admin(a).contentType("application/json")
                .body(Map.of("url", receiver.url(), "eventTypes", List.of("prediction.due")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("secret"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        for (AppProcess app : new AppProcess[] {a, b}) {
            if (app != null) {
                app.close();
            }
        }
        Postgres.dropDatabase(database);
    }

    @Test
    @Order(1)
    void bothReplicasServeTheSameDataAndJoinTheQuartzCluster() throws Exception {
        String key = "cluster-same-" + System.nanoTime();
        admin(a).contentType("application/json")
                .body(prediction(key, "2030-12-31"))
                .post("/api/v1/predictions")
                .then()
                .statusCode(201);
        given().baseUri(b.url())
                .get("/api/v1/predictions/" + key)
                .then()
                .statusCode(200)
                .body("key", equalTo(key));
        assertEquals(2, Postgres.count(database, "select count(*) from qrtz_scheduler_state"));
        assertTrue(Postgres.count(database, "select count(*) from qrtz_triggers where trigger_name like 'due-scan%'")
                >= 1);
    }

    @Test
    @Order(2)
    void scansAtTheSameMomentFlagEachDuePredictionOnce() throws Exception {
        String prefix = "cluster-race-" + System.nanoTime() % 100000;
        importDue(prefix, 400);

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (AppProcess app : List.of(a, b)) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return run(app, "due-scan").then().statusCode(200).extract().<Integer>path("result.flagged");
                }));
            }
            go.countDown();
            int flagged = 0;
            for (Future<Integer> run : runs) {
                flagged += run.get();
            }
            assertEquals(400, flagged, "flagged by both together");
        } finally {
            pool.shutdown();
        }
        assertExactlyOnce(prefix, 400);

        // Both replicas deliver at the same moment: each notice reaches the receiver once, signed, and logged.
        deliverFromBoth();
        List<String> ids = receivedFor(prefix);
        assertEquals(400, ids.size(), "deliveries received");
        assertTrue(ids.stream().allMatch(id -> receiver.received.get(id).get() == 1), "each delivered once");
        assertEquals(0, receiver.badSignatures.get(), "bad signatures");
        assertEquals(
                400,
                Postgres.count(
                        database,
                        "select count(*) from webhook_attempt t join webhook_delivery d "
                                + "on d.id = t.delivery_id join notice n on n.id = d.notice_id where n.prediction_key like ? "
                                + "and t.status_code = 204 and t.duration_ms >= 0",
                        prefix + "-%"),
                "attempts logged");
        assertEquals(
                400,
                Postgres.count(
                        database,
                        "select count(*) from webhook_delivery d join notice n "
                                + "on n.id = d.notice_id where n.prediction_key like ? and d.status = 'DELIVERED'",
                        prefix + "-%"));
    }

    @Test
    @Order(3)
    void whenAReplicaDiesMidScanTheOtherFinishesAndNothingIsLost() throws Exception {
        String prefix = "cluster-kill-" + System.nanoTime() % 100000;
        importDue(prefix, 3000);

        CompletableFuture<Response> dying = CompletableFuture.supplyAsync(() -> run(a, "due-scan"));
        Awaitility.await("replica A flagging")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> flagged(prefix) > 0);
        a.kill();
        long flaggedByA = flagged(prefix);
        assertTrue(flaggedByA < 3000, "A was killed mid-scan, after " + flaggedByA);
        dying.handle((r, e) -> null).join();

        run(b, "due-scan").then().statusCode(200).body("state", equalTo("SUCCEEDED"));
        assertExactlyOnce(prefix, 3000);

        while (run(b, "webhook-delivery").then().statusCode(200).extract().<Integer>path("result.attempted") > 0) {
            // rounds are bounded; run until nothing is left
        }
        assertEquals(3000, receivedFor(prefix).size(), "every notice delivered by the survivor");
        assertEquals(0, receiver.badSignatures.get());
    }

    /** Delivery rounds on both replicas at once, repeated until neither finds anything to send. */
    private static void deliverFromBoth() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int attempted;
            do {
                List<Future<Integer>> rounds = new ArrayList<>();
                for (AppProcess app : List.of(a, b)) {
                    rounds.add(pool.submit(() -> run(app, "webhook-delivery")
                            .then()
                            .statusCode(200)
                            .extract()
                            .<Integer>path("result.attempted")));
                }
                attempted = 0;
                for (Future<Integer> round : rounds) {
                    attempted += round.get();
                }
            } while (attempted > 0);
        } finally {
            pool.shutdown();
        }
    }

    /** The webhook-ids received for notices about predictions with this prefix. */
    private static List<String> receivedFor(String prefix) {
        return receiver.bodies.entrySet().stream()
                .filter(e -> e.getValue().contains("\"key\":\"" + prefix + "-"))
                .map(Map.Entry::getKey)
                .toList();
    }

    private void assertExactlyOnce(String prefix, int expected) throws Exception {
        String like = prefix + "-%";
        assertEquals(expected, flagged(prefix), "FLAGGED_DUE events");
        assertEquals(
                expected,
                Postgres.count(database, "select count(*) from prediction where slug like ? and status = 'DUE'", like),
                "DUE predictions");
        assertEquals(
                expected,
                Postgres.count(database, "select count(*) from review where prediction_key like ?", like),
                "reviews");
        assertEquals(
                expected,
                Postgres.count(
                        database,
                        "select count(*) from notice where prediction_key like ? and kind = 'prediction.due'",
                        like),
                "notices");
        assertEquals(
                0,
                Postgres.count(
                        database,
                        "select count(*) from (select prediction_key from prediction_event "
                                + "where prediction_key like ? and type = 'FLAGGED_DUE' group by prediction_key having count(*) > 1) d",
                        like));
    }

    private long flagged(String prefix) throws Exception {
        return Postgres.count(
                database,
                "select count(*) from prediction_event where prediction_key like ? and type = 'FLAGGED_DUE'",
                prefix + "-%");
    }

    /** Predictions whose target ended in 2025, so they are due now. */
    private static void importDue(String prefix, int count) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(prediction(prefix + "-" + i, "2025-12-31"));
        }
        admin(a).contentType("application/json")
                .body(items)
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("created", equalTo(count));
    }

    private static Map<String, Object> prediction(String key, String target) {
        return Map.of(
                "key",
                key,
                "statement",
                "Cluster test prediction " + key + ".",
                "kind",
                "FORECAST",
                "speaker",
                "Tester",
                "madeOn",
                "2025-01-01",
                "topics",
                List.of("cluster"),
                "target",
                Map.of("date", target, "precision", "DAY", "basis", "EXPLICIT"));
    }

    private static io.restassured.specification.RequestSpecification admin(AppProcess app) {
        return given().baseUri(app.url()).header("Authorization", "Bearer " + AppProcess.ADMIN_TOKEN);
    }

    /** Runs a job and waits for what it did, up to the longest wait the service grants (a minute). */
    private static Response run(AppProcess app, String job) {
        return admin(app).header("Prefer", "wait=60").post("/api/v1/jobs/" + job + "/runs");
    }
}
