package app.hindsight.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** A token's secret is shown once and then exists nowhere on the server: not in the database, not in the log. */
@QuarkusTest
class TokenSecrecyTest {

    @Inject
    DataSource dataSource;

    @Test
    void noTokenAppearsInPlaintextInTheDatabaseOrTheLog() throws SQLException {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                        + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String name = TestData.key("secret");
        String secret;
        try {
            secret = given().contentType("application/json")
                    .body(Map.of("name", name, "roles", List.of("editor")))
                    .post("/api/v1/tokens")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("token");
            String key = TestData.key("secrecy");
            given().header("Authorization", "Bearer " + secret)
                    .contentType("application/json")
                    .body(TestData.prediction(key))
                    .post(TestData.PREDICTIONS)
                    .then()
                    .statusCode(201);
            given().header("Authorization", "Bearer " + secret)
                    .get(TestData.PREDICTIONS + "/" + key + "/history")
                    .then()
                    .body("items.actor", hasItem(name));
            int id = given().queryParam("limit", 500)
                    .get("/api/v1/tokens")
                    .then()
                    .extract()
                    .path("items.find { it.name == '" + name + "' }.id");
            given().delete("/api/v1/tokens/" + id).then().statusCode(204);
            given().header("Authorization", "Bearer " + secret)
                    .contentType("application/json")
                    .body(TestData.prediction(TestData.key("after-revoke")))
                    .post(TestData.PREDICTIONS)
                    .then()
                    .statusCode(401);
        } finally {
            root.removeHandler(capture);
        }

        assertTrue(secret.startsWith("hs_") && secret.length() > 40, secret.length() + " characters");
        given().queryParam("limit", 500)
                .get("/api/v1/tokens")
                .then()
                .statusCode(200)
                .body("items.token", everyItem(nullValue()))
                .body("items.name", hasItem(name))
                .body("items.find { it.name == '" + name + "' }.revokedAt", not(nullValue()));
        assertEquals(List.of(), cellsContaining(secret), "plaintext token stored");
        assertTrue(logged.stream().noneMatch(line -> line.contains(secret)), "token in the log");
        assertEquals(1, cellsContaining(ApiToken.hash(secret)).size(), "its hash is stored once");
    }

    /** Every text cell of every table that contains the needle, as table.column. */
    private List<String> cellsContaining(String needle) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement tables = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = tables.executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'PUBLIC'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            assertTrue(names.stream().anyMatch(n -> n.equalsIgnoreCase("api_token")), names.toString());
            for (String table : names) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select * from \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            Object value = rs.getObject(i);
                            if (value != null && value.toString().contains(needle)) {
                                hits.add(table + "." + rs.getMetaData().getColumnName(i));
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }
}
