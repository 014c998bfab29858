package app.hindsight.web;

import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.key;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.ExpectedLogs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Requests refused before they reach an endpoint (malformed or non-ASCII request targets, oversized request lines,
 * headers or bodies, control bytes, no Host) still get RFC 9457 problem documents, not an empty answer.
 */
@QuarkusTest
class EdgeRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "Authorization: Bearer " + AdminTokenByDefault.ADMIN_TOKEN;

    @TestHTTPResource("/")
    URL server;

    @Test
    void malformedPercentEncodingInTheQueryIsABadRequestProblem() throws Exception {
        JsonNode problem = problem(RawHttp.send(server, "GET /api/v1/predictions?q=%zz HTTP/1.1"), 400);
        assertEquals("/problems/malformed-request", problem.path("type").asText());
        assertTrue(problem.path("detail").asText().contains("%"), problem.toString());
    }

    @Test
    void malformedPercentEncodingInThePathIsABadRequestProblem() throws Exception {
        problem(RawHttp.send(server, "GET /api/v1/predictions/%zz HTTP/1.1"), 400);
        problem(RawHttp.send(server, "GET /api/v1/predictions/abc%4 HTTP/1.1"), 400);
    }

    @Test
    void rawNonAsciiInThePathIsABadRequestProblemThatSaysHowToEncodeIt() throws Exception {
        byte[] line = "GET /api/v1/predictions/café HTTP/1.1".getBytes(StandardCharsets.UTF_8);
        JsonNode problem = problem(RawHttp.send(server, new String(line, StandardCharsets.ISO_8859_1)), 400);
        assertEquals("/problems/malformed-request", problem.path("type").asText());
        assertTrue(problem.path("detail").asText().contains("percent-encode"), problem.toString());
        // The garbled bytes are not echoed back as if they were text.
        assertFalse(problem.toString().contains("Ã"), problem.toString());
    }

    @Test
    void percentEncodedNonAsciiIsFine() throws Exception {
        RawHttp.Answer answer = RawHttp.send(server, "GET /api/v1/predictions/caf%C3%A9 HTTP/1.1");
        assertEquals(404, problem(answer, 404).path("status").asInt());
        assertTrue(answer.body().contains("café"), answer.body());
    }

    @Test
    void overlongRequestTargetIsAUriTooLongProblem() throws Exception {
        String q = "x".repeat(6000);
        JsonNode problem = problem(RawHttp.send(server, "GET /api/v1/predictions?q=" + q + " HTTP/1.1"), 414);
        assertEquals("/problems/uri-too-long", problem.path("type").asText());
        assertTrue(problem.path("detail").asText().contains("4096"), problem.toString());
    }

    @Test
    void oversizedHeadersAreAHeadersTooLargeProblem() throws Exception {
        String big = "X-Padding: " + "p".repeat(20_000);
        JsonNode problem = problem(RawHttp.send(server, "GET /api/v1/predictions?limit=1 HTTP/1.1\r\n" + big), 431);
        assertEquals("/problems/headers-too-large", problem.path("type").asText());
    }

    @Test
    void declaredBodyOverTheLimitIsRefusedBeforeItIsSent() throws Exception {
        // 40 MB announced, none sent: the answer comes from the Content-Length alone.
        String key = key("declared");
        JsonNode problem = problem(
                RawHttp.send(
                        server,
                        "POST /api/v1/imports HTTP/1.1\r\n" + AUTH
                                + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: 40000000"),
                413);
        assertEquals("/problems/body-too-large", problem.path("type").asText());
        assertTrue(problem.path("detail").asText().contains("33554432"), problem.toString());
        given().get("/api/v1/predictions/" + key).then().statusCode(404);
    }

    @Test
    void declaredBodyOverTheGeneralLimitIsRefusedOutsideImports() throws Exception {
        problem(
                RawHttp.send(
                        server,
                        "POST /api/v1/predictions HTTP/1.1\r\n" + AUTH
                                + "\r\nContent-Type: application/json\r\nContent-Length: 300000"),
                413);
    }

    @Test
    void controlByteInTheRequestTargetIsABadRequestProblem() throws Exception {
        // (One in a header never gets this far: Vert.x's parser refuses it, with an empty 400; see RequestGuard.)
        JsonNode problem = problem(RawHttp.send(server, "GET /api/v1/predictions/a\u0001b HTTP/1.1"), 400);
        assertTrue(problem.path("detail").asText().contains("percent-encode"), problem.toString());
    }

    @Test
    void requestWithoutHostIsABadRequestProblem() throws Exception {
        byte[] request = "GET /api/v1/predictions?limit=1 HTTP/1.1\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        JsonNode problem = problem(RawHttp.exchange(server, request), 400);
        assertEquals("the request has no Host header", problem.path("detail").asText());
    }

    @Test
    void http10WithoutHostIsABadRequestProblemAndNothingFailsOnTheWay() throws Exception {
        try (ExpectedLogs logs = ExpectedLogs.capture("app.hindsight")) {
            for (String target : new String[] {"/api/v1/nope", "/api/v1/predictions?limit=1", "/", "/desk/reviews"}) {
                RawHttp.Answer answer = RawHttp.exchange(
                        server, ("GET " + target + " HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                JsonNode problem = problem(answer, 400);
                assertEquals("/problems/malformed-request", problem.path("type").asText(), target);
                assertEquals(
                        "the request has no Host header", problem.path("detail").asText(), target);
                assertEquals("DENY", answer.header("X-Frame-Options"), target);
            }
            assertEquals(List.of(), logs.messages());
        }
        // A probe's HTTP/1.0 without Host still gets its health answer.
        RawHttp.Answer health =
                RawHttp.exchange(server, "GET /q/health/live HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(200, health.status(), health.body());
    }

    private static JsonNode problem(RawHttp.Answer answer, int status) throws Exception {
        assertEquals(status, answer.status(), answer.headers() + " " + answer.body());
        assertTrue(
                String.valueOf(answer.header("Content-Type")).startsWith(PROBLEM_JSON),
                answer.headers().toString());
        JsonNode body = JSON.readTree(answer.body());
        assertEquals(status, body.path("status").asInt(), answer.body());
        assertTrue(body.hasNonNull("title") && body.hasNonNull("detail") && body.hasNonNull("type"), answer.body());
        assertFalse(answer.body().contains("Exception") || answer.body().contains("java."), answer.body());
        return body;
    }
}
