package app.hindsight.cluster;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** The main API flows on PostgreSQL, through the packaged production jar. */
class PostgresApiIT {

    static String database;
    static AppProcess app;

    @BeforeAll
    static void start() throws Exception {
        Postgres.assumeAvailable();
        database = Postgres.createDatabase("hindsight_it_api");
        app = AppProcess.start("api", database, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        Postgres.dropDatabase(database);
    }

    static RequestSpecification api() {
        return app.api();
    }

    static RequestSpecification admin() {
        return app.admin();
    }

    @Test
    void seedsAreLoadedAndMigrationsApplied() throws Exception {
        api().get("/predictions/gpt5-level-intelligence-100x-cheaper-by-2027")
                .then()
                .statusCode(200)
                .body("target.date", equalTo("2027-12-31"))
                .body("quote.text", containsString("到2027年底"));
        assertEquals(1, Postgres.count(database, "select count(*) from qrtz_scheduler_state"));
        assertEquals(
                74,
                Postgres.count(
                        database,
                        "select count(*) from prediction where source_key = ?",
                        "altman-town-hall-2026-01-27"));
    }

    @Test
    void createPatchResolveReopenAndHistory() {
        String key = "pg-flow-" + System.nanoTime();
        admin().contentType("application/json")
                .body(Map.of(
                        "key",
                        key,
                        "statement",
                        "PostgreSQL will keep this.",
                        "kind",
                        "FORECAST",
                        "speaker",
                        "Tester",
                        "madeOn",
                        "2026-01-01",
                        "topics",
                        List.of("pg-suite"),
                        "target",
                        Map.of("date", "2030-12-31", "precision", "YEAR", "basis", "EXPLICIT")))
                .post("/predictions")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"");
        admin().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"topics\": [\"pg-suite\", \"storage\"]}")
                .patch("/predictions/" + key)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        admin().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"statement\": \"stale\"}")
                .patch("/predictions/" + key)
                .then()
                .statusCode(412);
        admin().contentType("application/json")
                .body(Map.of("outcome", "CORRECT", "note", "yes"))
                .post("/predictions/" + key + "/resolution")
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"));
        admin().delete("/predictions/" + key + "/resolution")
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"));
        api().get("/predictions/" + key + "/history")
                .then()
                .statusCode(200)
                .body("items.type", contains("CREATED", "UPDATED", "RESOLVED", "REOPENED"))
                .body("items.actor", hasItem("admin"));
        api().get("/predictions?topic=storage&status=OPEN")
                .then()
                .statusCode(200)
                .body("items.key", contains(key));
        api().accept("text/csv")
                .get("/predictions?topic=pg-suite")
                .then()
                .statusCode(200)
                .body(containsString(key));
    }

    @Test
    void importIsAllOrNothingAndBadInputIsAProblem() {
        String key = "pg-import-" + System.nanoTime();
        admin().contentType("application/json")
                .body(List.of(
                        Map.of(
                                "key",
                                key,
                                "statement",
                                "Good.",
                                "kind",
                                "CLAIM",
                                "speaker",
                                "S",
                                "madeOn",
                                "2026-01-01",
                                "target",
                                Map.of("basis", "NONE"),
                                "reviewEvery",
                                "P1Y"),
                        Map.of("key", key + "-bad", "statement", "Bad.", "kind", "GUESS")))
                .post("/imports")
                .then()
                .statusCode(422)
                .body("errors[0].index", equalTo(1));
        api().get("/predictions/" + key).then().statusCode(404);
        admin().contentType("application/json")
                .body("{\"statement\": ")
                .post("/predictions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        api().get("/predictions?cursor=nope").then().statusCode(400);
        api().get("/sources").then().statusCode(200).body("items.size()", greaterThan(0));
    }

    /** PostgreSQL cannot store U+0000 in text: a NUL anywhere is a 400 naming the field, before any query runs. */
    @Test
    void nulInTextIsA400NamingTheFieldNotADatabaseError() {
        Map<String, String> targets = Map.of(
                "/api/v1/predictions?q=%00", "q",
                "/api/v1/predictions?speaker=%00", "speaker",
                "/api/v1/predictions/%00", "path",
                "/api/v1/speakers/%00", "path",
                "/api/v1/speakers/%FF", "path",
                "/api/v1/reviews?assignee=%00", "assignee",
                "/desk/reviews?assignee=%00", "assignee");
        targets.forEach((target, field) -> RestAssured.given()
                .baseUri(app.url())
                .urlEncodingEnabled(false)
                .get(target)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo(field)));
        String key = "pg-nul-" + System.nanoTime();
        Map<String, Object> prediction = Map.of(
                "key",
                key,
                "statement",
                "Null\u0000 statement.",
                "kind",
                "CLAIM",
                "speaker",
                "S",
                "madeOn",
                "2026-01-01",
                "target",
                Map.of("basis", "NONE"),
                "reviewEvery",
                "P1Y");
        admin().contentType("application/json")
                .body(prediction)
                .post("/predictions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("statement"));
        admin().contentType("application/json")
                .body(List.of(prediction))
                .post("/imports")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("statement"));
        api().get("/predictions/" + key).then().statusCode(404);
    }

    /** An import's batched insert writes on PostgreSQL what a create's entity writes, column by column. */
    @Test
    void importedRowsAreWhatACreateWrites() throws Exception {
        String key = "pg-row-" + System.nanoTime();
        String body = """
                {"key": "%s", "statement": "Inference will cost a hundredth.", "kind": "FORECAST", "speaker": "Ada", \
                "madeOn": "2026-01-27", "quote": {"text": "成本至少降低100倍", "lang": "zh-Hant", "locator": "§5"}, \
                "topics": ["cost", "models"], "reviewEvery": "P6M", "resolutionCriteria": "CORRECT if 100x.", \
                "target": {"date": "2027-12-31", "precision": "YEAR", "basis": "EXPLICIT", "label": "by 2027"}, \
                "metric": {"name": "price", "unit": "ratio", "baseline": {"value": 1.5, "on": "2026-01-01"}, \
                "target": 0.01, "direction": "DECREASE", "scale": "LOG"}}""";
        admin().contentType("application/json")
                .body(body.formatted(key + "-created"))
                .post("/predictions")
                .then()
                .statusCode(201);
        admin().contentType("application/x-ndjson")
                .body(body.formatted(key + "-imported").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/imports")
                .then()
                .statusCode(200)
                .body("created", equalTo(1));
        String columns = "statement, kind, speaker, speaker_lower, source_key, made_on, quote_text, quote_lang, "
                + "quote_locator, target_date, target_precision, target_basis, target_label, review_every, due_at, "
                + "next_review_on, resolution_criteria, metric_name, metric_unit, metric_baseline_value, "
                + "metric_baseline_on, metric_target, metric_direction, metric_scale, status, outcome, resolved_on, "
                + "resolution_note, resolution_evidence, resolved_by, resolved_at, closes_at, version";
        String a = "a." + columns.replace(", ", ", a.");
        String b = "b." + columns.replace(", ", ", b.");
        assertEquals(
                1,
                Postgres.count(
                        database,
                        "select count(*) from prediction a, prediction b where a.slug = ? and b.slug = ? and (" + a
                                + ") is not distinct from (" + b + ") and a.version = 0",
                        key + "-created",
                        key + "-imported"));
        assertEquals(
                2,
                Postgres.count(
                        database,
                        "select count(*) from prediction_topic t join prediction p on p.id = t.prediction_id "
                                + "where p.slug = ?",
                        key + "-imported"));
        api().get("/predictions/" + key + "-imported/history")
                .then()
                .statusCode(200)
                .body("items.type", contains("CREATED"))
                .body("items[0].note", equalTo("imported"));
    }

    /**
     * A bulk import leaves the planner's statistics current (PlannerStatistics), whether or not autovacuum runs: this
     * machine kind's PostgreSQL has it off, and without statistics the list's reads were planned from sizes alone.
     */
    @Test
    void aBulkImportLeavesThePlannerStatisticsCurrent() throws Exception {
        String prefix = "pg-stats-" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            body.append("""
                    {"key": "%s-%d", "statement": "Statement %d of a bulk import.", "kind": "FORECAST", \
                    "speaker": "Ada", "madeOn": "2026-01-27", "topics": ["cost"], \
                    "target": {"date": "2030-12-31", "precision": "YEAR", "basis": "EXPLICIT"}}
                    """.formatted(prefix, i, i));
        }
        admin().contentType("application/x-ndjson")
                .body(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/imports")
                .then()
                .statusCode(200)
                .body("created", equalTo(300));
        long stored = Postgres.count(database, "select count(*) from prediction");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> Postgres.count(
                                database, "select reltuples::bigint from pg_class where oid = 'prediction'::regclass")
                        >= stored);
        assertEquals(
                true,
                Postgres.count(
                                database,
                                "select reltuples::bigint from pg_class where oid = 'prediction_topic'::regclass")
                        >= 300);
    }

    @Test
    void tokensWork() {
        String token = admin().contentType("application/json")
                .body(Map.of("name", "pg-reader-" + System.nanoTime(), "roles", List.of("reader")))
                .post("/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        api().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body("{}")
                .post("/predictions")
                .then()
                .statusCode(403);
        api().header("Authorization", "Bearer nope").get("/predictions").then().statusCode(401);
    }

    @Test
    void forecastsScoresAndTrackRecordsAggregateOnPostgres() throws Exception {
        String run = Long.toString(System.nanoTime());
        String speaker = "PG Speaker " + run;
        String forecaster = "pg-forecaster-" + run;
        String token = admin().contentType("application/json")
                .body(Map.of("name", forecaster, "roles", List.of("forecaster")))
                .post("/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        // Two predictions: 0.8 on one that comes true, 0.3 and then 0.6 on one that does not.
        String[] keys = {"pg-score-a-" + run, "pg-score-b-" + run};
        for (String key : keys) {
            admin().contentType("application/json")
                    .body(Map.of(
                            "key",
                            key,
                            "statement",
                            "PostgreSQL scores " + key + ".",
                            "kind",
                            "FORECAST",
                            "speaker",
                            speaker,
                            "madeOn",
                            "2026-01-01",
                            "topics",
                            List.of("pg-scores"),
                            "target",
                            Map.of("date", "2030-12-31", "precision", "YEAR", "basis", "EXPLICIT")))
                    .post("/predictions")
                    .then()
                    .statusCode(201);
        }
        double[][] forecasts = {{0.8}, {0.3, 0.6}};
        for (int i = 0; i < keys.length; i++) {
            for (double p : forecasts[i]) {
                api().header("Authorization", "Bearer " + token)
                        .contentType("application/json")
                        .body(Map.of("probability", p))
                        .post("/predictions/" + keys[i] + "/forecasts")
                        .then()
                        .statusCode(201);
            }
        }
        // A forecast made on or after the day the answer became known (by default the resolution day) does not
        // score, and the service's clock cannot be moved from here: the forecasts are moved two days back instead.
        assertEquals(
                3,
                Postgres.update(
                        database,
                        "update forecast set made_at = made_at - interval '2 days',"
                                + " superseded_at = superseded_at - interval '2 days' where forecaster = ?",
                        forecaster));
        String[] outcomes = {"CORRECT", "INCORRECT"};
        for (int i = 0; i < keys.length; i++) {
            admin().contentType("application/json")
                    .body(Map.of("outcome", outcomes[i], "note", "checked"))
                    .post("/predictions/" + keys[i] + "/resolution")
                    .then()
                    .statusCode(200);
        }
        api().get("/predictions/" + keys[1] + "/forecasts")
                .then()
                .statusCode(200)
                .body("aggregate.forecasters", equalTo(1))
                .body("aggregate.median", equalTo(0.6f));
        // The verdicts are provisional for the packaged dispute window (7 days): left out unless asked for.
        api().get("/speakers/" + speaker.toLowerCase())
                .then()
                .statusCode(200)
                .body("hitRate", equalTo(null))
                .body("provisionalExcluded", equalTo(2));
        // Brier (0.04 + 0.36) / 2; the crowd is the one forecaster, so relative 0.
        double brier = api().queryParam("includeProvisional", "true")
                .get("/forecasters/" + forecaster)
                .then()
                .statusCode(200)
                .body("scored", equalTo(2))
                .body("forecasts", equalTo(3))
                .body("calibration[8].forecasts", equalTo(1))
                .extract()
                .jsonPath()
                .getDouble("meanBrier");
        assertEquals(0.2, brier, 1e-6);
        api().get("/forecasters").then().statusCode(200).body("items.name", hasItem(forecaster));
        api().get("/forecasters/" + forecaster + "/calibration.svg")
                .then()
                .statusCode(200)
                .body(containsString("<svg"));
        // Hit rate 1 of 2; crowd yield (1 / 0.8 + 0 / 0.6) / 2.
        double yield = api().queryParam("includeProvisional", "true")
                .get("/speakers/" + speaker.toLowerCase())
                .then()
                .statusCode(200)
                .body("name", equalTo(speaker))
                .body("hitRate", equalTo(0.5f))
                .body("byTopic.pg-scores.predictions", equalTo(2))
                .body("resolved.size()", equalTo(2))
                .extract()
                .jsonPath()
                .getDouble("crowdYield");
        assertEquals(0.625, yield, 1e-6);
        api().accept("text/csv").get("/speakers").then().statusCode(200).body(containsString("\"" + speaker + "\",2,"));
        api().queryParam("includeProvisional", "true")
                .get("/stats")
                .then()
                .statusCode(200)
                .body("byTopic.pg-scores", equalTo(2))
                .body("outcomesBySpeaker.'" + speaker + "'.CORRECT", equalTo(1));
    }
}
