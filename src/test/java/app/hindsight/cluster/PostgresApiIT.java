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
                .body("type", contains("CREATED", "UPDATED", "RESOLVED", "REOPENED"))
                .body("actor", hasItem("admin"));
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
}
