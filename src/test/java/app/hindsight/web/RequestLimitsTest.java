package app.hindsight.web;

import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.prediction;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The 256 KiB body limit, however the body is framed. */
@QuarkusTest
class RequestLimitsTest {

    @TestHTTPResource("/api/v1/predictions")
    URL predictions;

    @TestHTTPResource("/")
    URL server;

    @Test
    void bodyOverTheLimitWithContentLengthIsRefusedBeforeParsing() throws Exception {
        HttpResponse<String> response = post(paddedJson(key("sized")), false);
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON));
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedToo() throws Exception {
        String json = paddedJson(key("chunked"));
        HttpResponse<String> response = post(json, true);

        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON));
        assertFalse(response.body().contains("Exception"));
    }

    @Test
    void chunkedImportOverItsLimitIsAProblemDocument() throws Exception {
        // 32 MiB and a bit: the import's own limit, which Quarkus's must stay above so that BodyLimit answers first.
        byte[] bytes = ("[" + " ".repeat(32 * 1024 * 1024 + 4096) + "]").getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + "api/v1/imports"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + app.hindsight.AdminTokenByDefault.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON));
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertEquals("/problems/body-too-large", problem.path("type").asText());
        assertEquals(
                "the body has more than 33554432 bytes; at most 33554432 bytes are accepted here",
                problem.path("detail").asText());
    }

    /** A valid prediction followed by 300 KiB of JSON whitespace: only its size is wrong. */
    private static String paddedJson(String key) throws Exception {
        Map<String, Object> body = prediction(key);
        return new ObjectMapper().writeValueAsString(body) + " ".repeat(300 * 1024);
    }

    private HttpResponse<String> post(String json, boolean chunked) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        // An InputStream publisher has no known length, so the JDK client sends it chunked.
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        HttpRequest request = HttpRequest.newBuilder(URI.create(predictions.toString()))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + app.hindsight.AdminTokenByDefault.ADMIN_TOKEN)
                .POST(publisher)
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        // Whatever the answer, nothing of this body may have been stored.
        if (response.statusCode() != 201) {
            given().get(
                            "/api/v1/predictions/{key}",
                            new ObjectMapper().readTree(json).path("key").asText())
                    .then()
                    .statusCode(404);
        }
        return response;
    }
}
