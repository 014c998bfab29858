package app.hindsight.cluster;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * Trajectories and the scheduler on PostgreSQL, through the packaged jar: an observation at the target flags the
 * prediction TARGET_MET once, across scans and a restart; a prediction.off-track notice reaches a signed webhook
 * receiver once.
 */
class TrajectoryIT {

    static String database;
    static final List<AppProcess> apps = new ArrayList<>();
    static SigningReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        Postgres.assumeAvailable();
        database = Postgres.createDatabase("hindsight_it_trajectory");
    }

    @AfterAll
    static void stop() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        for (AppProcess app : apps) {
            app.close();
        }
        Postgres.dropDatabase(database);
    }

    /** The 100x claim's shape: 3.4375 on 2026-01-27 down to 0.034375 by the end of 2027, on a LOG scale. */
    private static String hundredFold(AppProcess app, String key) {
        app.admin()
                .contentType("application/json")
                .body(Map.of(
                        "key",
                        key,
                        "statement",
                        "PostgreSQL tracks " + key + ".",
                        "kind",
                        "FORECAST",
                        "speaker",
                        "Tester",
                        "madeOn",
                        "2026-01-27",
                        "target",
                        Map.of("date", "2027-12-31", "precision", "YEAR", "basis", "EXPLICIT"),
                        "metric",
                        Map.of(
                                "name", "price",
                                "unit", "USD per million tokens",
                                "baseline", Map.of("value", 3.4375, "on", "2026-01-27"),
                                "target", 0.034375,
                                "direction", "DECREASE",
                                "scale", "LOG")))
                .post("/predictions")
                .then()
                .statusCode(201);
        return key;
    }

    private static void observe(AppProcess app, String key, double value) {
        app.admin()
                .contentType("application/json")
                .body(Map.of("on", "2026-11-29", "value", value))
                .post("/predictions/" + key + "/observations")
                .then()
                .statusCode(201);
    }

    private static Response run(AppProcess app, String job) {
        return app.admin().header("Prefer", "wait=60").post("/jobs/" + job + "/runs");
    }

    @Test
    void targetMetFlagsOnceAcrossScansAndARestartAndOffTrackIsDeliveredOnce() throws Exception {
        AppProcess a = AppProcess.start("trajectory-a", database, Map.of());
        apps.add(a);
        receiver = new SigningReceiver();
        receiver.secret(a.admin()
                .contentType("application/json")
                .body(Map.of("url", receiver.url(), "eventTypes", List.of("prediction.off-track")))
                .post("/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("secret"));

        String drifting = hundredFold(a, "pg-off-track-" + System.nanoTime());
        observe(a, drifting, 0.34375); // ten times cheaper: ON_TRACK
        observe(a, drifting, 1.71875); // only halved, the day's latest: BEHIND
        a.api().get("/predictions/" + drifting + "/trajectory").then().body("verdict", equalTo("BEHIND"));

        String met = hundredFold(a, "pg-target-met-" + System.nanoTime());
        observe(a, met, 0.03);
        run(a, "due-scan").then().statusCode(200);
        run(a, "due-scan").then().statusCode(200);
        a.close();
        AppProcess b = AppProcess.start("trajectory-b", database, Map.of());
        apps.add(b);
        run(b, "due-scan").then().statusCode(200);
        b.api().get("/predictions/" + met).then().body("status", equalTo("DUE"));
        b.api()
                .get("/predictions/" + met + "/history")
                .then()
                .body("items.type", contains("CREATED", "OBSERVED", "FLAGGED_DUE"))
                .body("items[2].reason", equalTo("TARGET_MET"));

        for (int round = 0; round < 3; round++) {
            run(b, "webhook-delivery").then().statusCode(200);
        }
        assertEquals(1, receiver.received.size(), "one off-track notice delivered: " + receiver.bodies);
        assertEquals(1, receiver.received.values().iterator().next().get(), "delivered once");
        String body = receiver.bodies.values().iterator().next();
        assertEquals(true, body.contains("\"type\":\"prediction.off-track\""), body);
        assertEquals(true, body.contains(drifting), body);
        assertEquals(0, receiver.badSignatures.get());
    }
}
