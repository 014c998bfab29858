package app.hindsight.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL the suites run on: the local server (127.0.0.1:5432, trust auth) unless
 * HINDSIGHT_IT_PG_HOST/PORT/USER say otherwise. Each suite gets a database of its own and drops it after.
 */
final class Postgres {

    static final String HOST = env("HINDSIGHT_IT_PG_HOST", "127.0.0.1");
    static final String PORT = env("HINDSIGHT_IT_PG_PORT", "5432");
    static final String USER = env("HINDSIGHT_IT_PG_USER", "postgres");

    private Postgres() {}

    /** Skips the calling suite, saying why, when there is no packaged jar or no PostgreSQL to run against. */
    static void assumeAvailable() {
        String jar = System.getProperty("hindsight.it.jar", "");
        if (jar.isBlank()) {
            skip("it runs with 'mvn verify -Ppg' (.ci/run does this), which builds the PostgreSQL variant it starts");
        }
        if (!java.nio.file.Files.exists(java.nio.file.Path.of(jar))) {
            skip("no packaged jar at " + jar);
        }
        try (Connection c = connect("postgres")) {
            if (!c.isValid(3)) {
                skip("no answer from PostgreSQL at " + HOST + ":" + PORT);
            }
        } catch (SQLException e) {
            skip("no PostgreSQL at " + HOST + ":" + PORT + " (" + e.getMessage() + ")");
        }
    }

    /** Says why on the console (failsafe shows aborted classes only as 0 tests), then skips. */
    private static void skip(String why) {
        String message = "PostgreSQL suite skipped: " + why;
        System.err.println("[hindsight] " + message);
        Assumptions.abort(message);
    }

    static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    static Connection connect(String database) throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(jdbcUrl(database), USER, "");
    }

    static String createDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return name;
    }

    static void dropDatabase(String name) throws SQLException {
        if (name == null) {
            return;
        }
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }

    /** Runs one update on the suite's database (test arrangements the API cannot make); returns the rows changed. */
    static int update(String database, String sql, Object... params) throws SQLException {
        try (Connection c = connect(database);
                var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    static long count(String database, String sql, Object... params) throws SQLException {
        try (Connection c = connect(database);
                var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The first column of every row, as text. */
    static java.util.List<String> strings(String database, String sql, Object... params) throws SQLException {
        try (Connection c = connect(database);
                var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            java.util.List<String> values = new java.util.ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
