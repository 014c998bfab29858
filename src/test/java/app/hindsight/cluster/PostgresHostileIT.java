package app.hindsight.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.hindsight.hostile.HostileRound;
import app.hindsight.web.OpenApiTexts;

/**
 * The hostile round on PostgreSQL, through the packaged production jar with its default settings: PostgreSQL
 * refuses some text H2 stores (a NUL), so what passes on H2 is tried here again.
 */
class PostgresHostileIT {

    static String database;
    static AppProcess app;

    @BeforeAll
    static void start() throws Exception {
        Postgres.assumeAvailable();
        database = Postgres.createDatabase("hindsight_it_hostile");
        app = AppProcess.start("hostile", database, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        Postgres.dropDatabase(database);
    }

    @Test
    void theHostileRoundFindsNothing() {
        String key = "hostile-known-" + System.nanoTime();
        app.admin()
                .contentType("application/json")
                .body(withKey(key, OpenApiTexts.requestExample("createPrediction", "coding forecast")))
                .post("/predictions")
                .then()
                .statusCode(201);
        HostileRound round = new HostileRound(app.url(), AppProcess.ADMIN_TOKEN).run(key);
        round.write(java.nio.file.Path.of("target", "hostile-findings-pg.txt"));
        assertTrue(round.sent() > 1000, "the round sent only " + round.sent() + " requests");
        assertTrue(
                round.findings().isEmpty(),
                round.findings().size() + " findings in " + round.sent() + " requests (log: " + app.log + "):\n"
                        + round.findings().stream()
                                .limit(60)
                                .map(HostileRound.Finding::toString)
                                .collect(Collectors.joining("\n")));
    }

    /** The API description's example of a new prediction, under a key of the test's own. */
    private static Map<String, Object> withKey(String key, Map<String, Object> example) {
        Map<String, Object> body = new LinkedHashMap<>(example);
        body.put("key", key);
        return body;
    }
}
