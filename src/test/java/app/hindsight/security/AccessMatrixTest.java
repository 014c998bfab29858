package app.hindsight.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint group against every kind of caller: anonymous, each role, a revoked token and garbage.
 * Reads are open to anonymous callers here (the default); {@link AnonymousReadOffTest} covers the switch.
 */
@QuarkusTest
class AccessMatrixTest {

    enum Caller {
        ANONYMOUS,
        READER,
        EDITOR,
        REVIEWER,
        FORECASTER,
        ADMIN,
        REVOKED,
        GARBAGE
    }

    /** What a group needs: the roles that may call it, and the request, made after its fixture. */
    record Group(String name, Set<String> roles, int success, Function<RequestSpecification, Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String ADMIN = "Bearer " + AdminTokenByDefault.ADMIN_TOKEN;

    /** Not a role: a group open to every valid token, whatever its roles, and to no anonymous caller. */
    private static final String ANY_TOKEN = "any token";

    private static Map<Caller, String> tokens;

    @BeforeEach
    void callersHaveTokens() {
        AdminTokenByDefault.anonymous();
        if (tokens != null) {
            return;
        }
        String run = TestData.uid();
        tokens = new java.util.EnumMap<>(Caller.class);
        for (Caller c : List.of(
                Caller.READER, Caller.EDITOR, Caller.REVIEWER, Caller.FORECASTER, Caller.ADMIN, Caller.REVOKED)) {
            String role = c == Caller.REVOKED ? "admin" : c.name().toLowerCase();
            tokens.put(
                    c,
                    given().header("Authorization", ADMIN)
                            .contentType("application/json")
                            .body(Map.of(
                                    "name", "matrix-" + c.name().toLowerCase() + "-" + run, "roles", List.of(role)))
                            .post("/api/v1/tokens")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("token"));
        }
        int revokedId = given().header("Authorization", ADMIN)
                .queryParam("limit", 500)
                .get("/api/v1/tokens")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.name == 'matrix-revoked-" + run + "' }.id");
        given().header("Authorization", ADMIN)
                .delete("/api/v1/tokens/" + revokedId)
                .then()
                .statusCode(204);
        tokens.put(Caller.GARBAGE, "hs_not-a-real-token");
    }

    static Stream<Arguments> matrix() {
        List<Group> groups = List.of(
                new Group("read predictions", Set.of("reader"), 200, s -> s.get(TestData.PREDICTIONS + "?limit=1")),
                new Group(
                        "read one prediction",
                        Set.of("reader"),
                        200,
                        s -> s.get(TestData.PREDICTIONS + "/gpt5-level-intelligence-100x-cheaper-by-2027")),
                new Group(
                        "export predictions",
                        Set.of("reader"),
                        200,
                        s -> s.accept("text/csv").get(TestData.PREDICTIONS + "?topic=cost")),
                new Group(
                        "read history",
                        Set.of("reader"),
                        200,
                        s -> s.get(TestData.PREDICTIONS + "/gpt5-level-intelligence-100x-cheaper-by-2027/history")),
                new Group("read sources", Set.of("reader"), 200, s -> s.get(TestData.SOURCES)),
                new Group("read calendar", Set.of("reader"), 200, s -> s.get("/api/v1/calendar.ics?topic=cost")),
                new Group(
                        "create prediction",
                        Set.of("editor"),
                        201,
                        s -> s.contentType("application/json")
                                .body(TestData.prediction(TestData.key("acl")))
                                .post(TestData.PREDICTIONS)),
                new Group("patch prediction", Set.of("editor"), 200, s -> {
                    String key = fixture();
                    return s.contentType("application/merge-patch+json")
                            .header("If-Match", "\"0\"")
                            .body("{\"resolutionCriteria\": \"Ask a reviewer.\"}")
                            .patch(TestData.PREDICTIONS + "/" + key);
                }),
                new Group(
                        "create source",
                        Set.of("editor"),
                        201,
                        s -> s.contentType("application/json")
                                .body(Map.of(
                                        "key",
                                        TestData.key("acl-src"),
                                        "title",
                                        "T",
                                        "speaker",
                                        "S",
                                        "date",
                                        "2026-01-01"))
                                .post(TestData.SOURCES)),
                new Group(
                        "import",
                        Set.of("editor"),
                        200,
                        s -> s.contentType("application/json")
                                .body(List.of(TestData.prediction(TestData.key("acl-imp"))))
                                .post("/api/v1/imports")),
                new Group(
                        "resolve",
                        Set.of("reviewer"),
                        200,
                        s -> s.contentType("application/json")
                                .body(Map.of("outcome", "CORRECT", "note", "n"))
                                .post(TestData.PREDICTIONS + "/" + fixture() + "/resolution")),
                new Group("reopen", Set.of("reviewer"), 200, s -> {
                    String key = fixture();
                    given().header("Authorization", ADMIN)
                            .contentType("application/json")
                            .body(Map.of("outcome", "CORRECT", "note", "n"))
                            .post(TestData.PREDICTIONS + "/" + key + "/resolution")
                            .then()
                            .statusCode(200);
                    return s.delete(TestData.PREDICTIONS + "/" + key + "/resolution");
                }),
                new Group(
                        "withdraw",
                        Set.of("editor", "reviewer"),
                        200,
                        s -> s.contentType("application/json")
                                .body("{}")
                                .post(TestData.PREDICTIONS + "/" + fixture() + "/withdrawal")),
                new Group("delete prediction", Set.of(), 204, s -> s.delete(TestData.PREDICTIONS + "/" + fixture())),
                new Group("read reviews", Set.of("reader"), 200, s -> s.get("/api/v1/reviews")),
                new Group("assign review", Set.of("reviewer"), 200, s -> {
                    int id = AdminTokenByDefault.asAdmin(() -> {
                        String key = TestData.createDue("acl-review");
                        return given().get("/api/v1/reviews?limit=500")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<Integer>path("items.find { it.prediction == '" + key + "' }.id");
                    });
                    return s.contentType("application/json")
                            .body(Map.of("assignee", "alice"))
                            .put("/api/v1/reviews/" + id + "/assignee");
                }),
                new Group(
                        "forecast",
                        Set.of("forecaster"),
                        201,
                        s -> s.contentType("application/json")
                                .body(Map.of("probability", 0.3))
                                .post(TestData.PREDICTIONS + "/" + fixture() + "/forecasts")),
                new Group(
                        "read forecasts",
                        Set.of("reader"),
                        200,
                        s -> s.get(TestData.PREDICTIONS + "/gpt5-level-intelligence-100x-cheaper-by-2027/forecasts")),
                new Group("read forecasters", Set.of("reader"), 200, s -> s.get("/api/v1/forecasters")),
                new Group(
                        "read speakers",
                        Set.of("reader"),
                        200,
                        s -> s.accept("text/csv").get("/api/v1/speakers")),
                new Group("read a speaker", Set.of("reader"), 200, s -> s.get("/api/v1/speakers/sam altman")),
                new Group("read stats", Set.of("reader"), 200, s -> s.get("/api/v1/stats")),
                new Group(
                        "observe",
                        Set.of("editor", "reviewer"),
                        201,
                        s -> s.contentType("application/json")
                                .body(Map.of("on", "2026-02-01", "value", 5))
                                .post(TestData.PREDICTIONS + "/" + metricFixture() + "/observations")),
                new Group("retract observation", Set.of("editor", "reviewer"), 200, s -> {
                    String key = metricFixture();
                    int id = given().header("Authorization", ADMIN)
                            .contentType("application/json")
                            .body(Map.of("on", "2026-02-01", "value", 5))
                            .post(TestData.PREDICTIONS + "/" + key + "/observations")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
                    return s.delete(TestData.PREDICTIONS + "/" + key + "/observations/" + id);
                }),
                new Group(
                        "read observations",
                        Set.of("reader"),
                        200,
                        s -> s.get(
                                TestData.PREDICTIONS + "/gpt5-level-intelligence-100x-cheaper-by-2027/observations")),
                new Group(
                        "read trajectory",
                        Set.of("reader"),
                        200,
                        s -> s.get(TestData.PREDICTIONS + "/gpt5-level-intelligence-100x-cheaper-by-2027/trajectory")),
                new Group(
                        "read trajectory chart",
                        Set.of("reader"),
                        200,
                        s -> s.get(
                                TestData.PREDICTIONS + "/gpt5-level-intelligence-100x-cheaper-by-2027/trajectory.svg")),
                new Group("list jobs", Set.of(), 200, s -> s.get("/api/v1/jobs")),
                new Group("run job", Set.of(), 200, s -> s.post("/api/v1/jobs/due-scan/runs")),
                new Group("read job run", Set.of(), 200, s -> {
                    int id = given().header("Authorization", ADMIN)
                            .post("/api/v1/jobs/due-scan/runs")
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("id");
                    return s.get("/api/v1/jobs/due-scan/runs/" + id);
                }),
                new Group(
                        "subscribe to the digest",
                        Set.of(ANY_TOKEN),
                        201,
                        s -> s.contentType("application/json")
                                .body(Map.of("email", TestData.key("acl") + "@example.org", "cadence", "DAILY"))
                                .post("/api/v1/subscriptions")),
                new Group("list subscriptions", Set.of(), 200, s -> s.get("/api/v1/subscriptions")),
                new Group("delete subscription", Set.of(), 204, s -> {
                    int id = given().header("Authorization", ADMIN)
                            .contentType("application/json")
                            .body(Map.of("email", TestData.key("acl-gone") + "@example.org", "cadence", "WEEKLY"))
                            .post("/api/v1/subscriptions")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
                    return s.delete("/api/v1/subscriptions/" + id);
                }),
                new Group("list tokens", Set.of(), 200, s -> s.get("/api/v1/tokens")),
                // Any token, never anonymous: the desk checks a pasted token with it.
                new Group(
                        "read current token",
                        Set.of("reader", "editor", "reviewer", "forecaster"),
                        200,
                        s -> s.get("/api/v1/tokens/current")),
                new Group(
                        "create token",
                        Set.of(),
                        201,
                        s -> s.contentType("application/json")
                                .body(Map.of("name", TestData.key("acl-token"), "roles", List.of("reader")))
                                .post("/api/v1/tokens")),
                new Group("revoke token", Set.of(), 204, s -> {
                    int id = given().header("Authorization", ADMIN)
                            .contentType("application/json")
                            .body(Map.of("name", TestData.key("acl-victim"), "roles", List.of("reader")))
                            .post("/api/v1/tokens")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
                    return s.delete("/api/v1/tokens/" + id);
                }));
        List<Arguments> cases = new ArrayList<>();
        for (Group g : groups) {
            for (Caller c : Caller.values()) {
                cases.add(Arguments.of(g, c));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void everyCallerGetsTheRightStatus(Group group, Caller caller) {
        RequestSpecification request = given();
        if (caller != Caller.ANONYMOUS) {
            request.header("Authorization", "Bearer " + tokens.get(caller));
        }
        int expected = expected(group, caller);
        Response response = group.call().apply(request);
        response.then().statusCode(expected);
        if (expected >= 400) {
            response.then().contentType(startsWith("application/problem+json")).body("status", equalTo(expected));
        }
        if (expected == 401) {
            response.then().header("WWW-Authenticate", startsWith("Bearer"));
        }
        if (expected == 403) {
            // The refusal names what would have been allowed, e.g. "the role editor or reviewer".
            String needed = group.roles().stream()
                    .filter(r -> !r.equals("admin"))
                    .sorted()
                    .findFirst()
                    .orElse("admin");
            response.then().body("detail", containsString("the role ")).body("detail", containsString(needed));
        }
    }

    private static int expected(Group group, Caller caller) {
        boolean read = group.roles().equals(Set.of("reader"));
        boolean anyToken = group.roles().equals(Set.of(ANY_TOKEN));
        return switch (caller) {
            case REVOKED, GARBAGE -> 401;
            case ANONYMOUS -> read ? group.success() : 401;
            default -> anyToken ? group.success() : expectedOfRole(group, caller, read);
        };
    }

    private static int expectedOfRole(Group group, Caller caller, boolean read) {
        return switch (caller) {
            case ANONYMOUS -> read ? group.success() : 401;
            case ADMIN -> group.success();
            default -> read || group.roles().contains(caller.name().toLowerCase()) ? group.success() : 403;
        };
    }

    /** A fresh OPEN prediction, made by the admin. */
    private static String fixture() {
        return fixture(TestData.prediction(TestData.key("acl")));
    }

    /** A fresh OPEN prediction with a metric, made by the admin. */
    private static String metricFixture() {
        Map<String, Object> body = TestData.prediction(TestData.key("acl-metric"));
        body.put(
                "metric",
                Map.of(
                        "name", "price",
                        "baseline", Map.of("value", 10, "on", "2026-01-01"),
                        "target", 1,
                        "direction", "DECREASE",
                        "scale", "LOG"));
        return fixture(body);
    }

    private static String fixture(Map<String, Object> body) {
        given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body(body)
                .post(TestData.PREDICTIONS)
                .then()
                .statusCode(201);
        return (String) body.get("key");
    }
}
