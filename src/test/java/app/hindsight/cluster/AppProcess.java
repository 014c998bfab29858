package app.hindsight.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * One replica: the packaged PostgreSQL jar started as its own process, as production runs it. Its log goes
 * to target/it-logs/NAME.log.
 */
final class AppProcess implements AutoCloseable {

    static final String ADMIN_TOKEN = "it-admin-token";

    final String name;
    final int port;
    final Path log;
    private final Process process;

    private AppProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static AppProcess start(String name, String database, Map<String, String> extraEnv) throws IOException {
        AppProcess app = launch(name, database, extraEnv);
        app.awaitReady();
        return app;
    }

    /** Starts the process and returns at once; {@link #awaitReady()} waits for it (replicas started together). */
    static AppProcess launch(String name, String database, Map<String, String> extraEnv) throws IOException {
        int port = freePort();
        Path logs = Path.of("target", "it-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log").toAbsolutePath();
        Path data = Files.createTempDirectory("hindsight-" + name);
        ProcessBuilder builder = new ProcessBuilder(
                        List.of(javaBin(), "-Xmx512m", "-jar", System.getProperty("hindsight.it.jar")))
                // Started in an empty folder: what it serves (the town hall's seeds too) comes from the jar.
                .directory(data.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", Postgres.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", Postgres.USER);
        env.put("HINDSIGHT_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("HINDSIGHT_DATA_DIR", data.toString());
        // The suites drive the jobs themselves; the schedules stay, far away.
        env.put("HINDSIGHT_SCAN_CRON", "0 0 0 1 1 ? 2099");
        env.put("HINDSIGHT_WEBHOOKS_DELIVERY_EVERY", "off");
        // The tests' webhook receivers listen on 127.0.0.1, which is refused by default.
        env.put("HINDSIGHT_WEBHOOKS_ALLOW_PRIVATE", "true");
        env.put("HINDSIGHT_DIGEST_CRON", "0 0 0 1 1 ? 2099");
        env.put("HINDSIGHT_DIGEST_RETRY_EVERY", "off");
        env.putAll(extraEnv);
        builder.environment().putAll(env);
        return new AppProcess(name, port, log, builder.start());
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Requests to this app's API, without a token. */
    RequestSpecification api() {
        return RestAssured.given().baseUri(url()).basePath("/api/v1");
    }

    /** Requests to this app's API with the admin token it was started with. */
    RequestSpecification admin() {
        return api().header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    void awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Awaitility.await(name + " ready")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited: see " + log);
                    }
                    return http.send(
                                            HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200;
                });
    }

    /** As a crash would: no shutdown hooks, no goodbye to the cluster. */
    void kill() {
        process.destroyForcibly();
        Awaitility.await(name + " gone").atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            Awaitility.await(name + " stopped").atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
