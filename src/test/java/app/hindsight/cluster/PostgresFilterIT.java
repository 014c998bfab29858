package app.hindsight.cluster;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.specification.RequestSpecification;

/**
 * The list's filters on PostgreSQL, with a scan budget of 20 predictions among the 74 seeded and more: q is
 * answered from its trigram indexes (pg_trgm), speaker ignores case, and what no index narrows is a 422.
 */
class PostgresFilterIT {

    static final int BUDGET = 20;
    static String database;
    static AppProcess app;

    @BeforeAll
    static void start() throws Exception {
        Postgres.assumeAvailable();
        database = Postgres.createDatabase("hindsight_it_filters");
        app = AppProcess.start("filters", database, Map.of("HINDSIGHT_LIST_SCAN_BUDGET", String.valueOf(BUDGET)));
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
    void theMigrationsCreateTheTrigramIndexesAndPostgresUsesThem() throws Exception {
        assertEquals(1, Postgres.count(database, "select count(*) from pg_extension where extname = 'pg_trgm'"));
        assertEquals(
                2,
                Postgres.count(
                        database,
                        "select count(*) from pg_indexes where indexname in "
                                + "('ix_prediction_statement_trgm', 'ix_prediction_quote_trgm')"));
        try (Connection c = Postgres.connect(database);
                Statement s = c.createStatement()) {
            // A table of a hundred rows is read whole whatever the indexes: ask for the plan without that option.
            s.execute("set enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("explain select id from prediction where lower(statement) like "
                    + "'%cheaper%' or lower(quote_text) like '%cheaper%'")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertTrue(plan.toString().contains("ix_prediction_statement_trgm"), plan.toString());
            assertTrue(plan.toString().contains("ix_prediction_quote_trgm"), plan.toString());
        }
    }

    @Test
    void qIsAnsweredFromTheTrigramIndexAmongMoreThanTheBudget() {
        String run = Long.toString(System.nanoTime(), 36);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String key = "pg-q-" + run + "-" + i;
            admin().contentType("application/json")
                    .body(Map.of(
                            "key",
                            key,
                            "statement",
                            (i == 1
                                    ? "Margins of Wombat" + run + " reach 50% by 2030."
                                    : "Wombat" + run + " ships " + i + "."),
                            "kind",
                            "FORECAST",
                            "speaker",
                            "Ada Lovelace",
                            "madeOn",
                            "2026-01-27",
                            "target",
                            Map.of("basis", "NONE"),
                            "reviewEvery",
                            "P1Y"))
                    .post("/predictions")
                    .then()
                    .statusCode(201);
            keys.add(key);
        }

        api().queryParam("q", "WOMBAT" + run)
                .get("/predictions")
                .then()
                .statusCode(200)
                .body("items.key", equalTo(keys));
        api().queryParam("q", "wombat" + run + " reach 50%")
                .get("/predictions")
                .then()
                .statusCode(200)
                .body("items.key", contains(keys.get(1)));
        api().queryParam("q", "zzzz-" + run)
                .get("/predictions")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
        // Speaker ignores case, through its lower-cased index.
        api().queryParam("speaker", "ADA LOVELACE")
                .queryParam("q", "wombat" + run)
                .get("/predictions")
                .then()
                .statusCode(200)
                .body("items.key", equalTo(keys));
    }

    @Test
    void aNeedleTooShortForTrigramsIsBoundedByTheBudget() {
        api().queryParam("q", "q" + "\u00e6")
                .get("/predictions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/too-costly"))
                .body("detail", containsString("more than " + BUDGET + " predictions"));
        // The same needle with an indexed filter that narrows it enough is answered.
        api().queryParam("q", "q" + "\u00e6")
                .queryParam("speaker", "nobody at all")
                .get("/predictions")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void seededPredictionsPageThroughTheSpeakerIndexIgnoringCase() {
        List<String> keys = new ArrayList<>();
        String cursor = null;
        do {
            var request = api().queryParam("speaker", "SAM ALTMAN").queryParam("limit", 10);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/predictions");
            page.then().statusCode(200);
            keys.addAll(page.path("items.key"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(74, keys.size());
        assertEquals(74, keys.stream().distinct().count());
    }

    @Test
    void aPartOfTheNameFindsTheSameAsTheWholeName() {
        assertEquals(walk(Map.of("speaker", "SAM ALTMAN"), "key"), walk(Map.of("speaker", "altman"), "key"));
        assertEquals(walk(Map.of("speaker", "SAM ALTMAN"), "key"), walk(Map.of("speaker", "sam alt"), "key"));
    }

    @Test
    void theSeededPredictionsPageThroughATargetDateSortWithinTheBudget() {
        List<String> keys = walk(Map.of("sort", "-targetDate"), "key");
        List<String> dates = walk(Map.of("sort", "-targetDate"), "target.date");
        assertEquals(keys.size(), keys.stream().distinct().count());
        assertEquals(walk(Map.of(), "key").size(), keys.size());
        // Latest first, the undated last.
        for (int i = 1; i < dates.size(); i++) {
            String before = dates.get(i - 1);
            String after = dates.get(i);
            assertTrue(after == null || before != null && before.compareTo(after) >= 0, before + " then " + after);
        }
    }

    /** The value at {@code path} of every item of every page, five a page. */
    private static List<String> walk(Map<String, String> query, String path) {
        List<String> values = new ArrayList<>();
        String cursor = null;
        do {
            var request = api().queryParams(query).queryParam("limit", 5);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/predictions");
            page.then().statusCode(200);
            values.addAll(page.path("items." + path));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return values;
    }
}
