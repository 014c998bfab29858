package app.hindsight.web;

import static app.hindsight.prediction.TestData.PREDICTIONS;
import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.create;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.prediction;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.hindsight.AdminTokenByDefault;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A body sent without a Content-Type is a 415 problem naming the type to send, not a guess that it is JSON. */
@QuarkusTest
class MissingContentTypeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    @Test
    void jsonPostWithoutContentTypeIsUnsupportedMediaType() throws Exception {
        String key = key("no-type");
        HttpResponse<String> response = send("POST", PREDICTIONS, JSON.writeValueAsString(prediction(key)), null);

        JsonNode problem = problem(response, 415);
        assertEquals("/problems/unsupported-media-type", problem.path("type").asText());
        assertTrue(problem.path("detail").asText().contains("application/json"), problem.toString());
        given().get(PREDICTIONS + "/" + key).then().statusCode(404);
    }

    @Test
    void patchWithoutContentTypeNamesMergePatch() throws Exception {
        String key = create(prediction(key("no-type-patch")));
        HttpResponse<String> response =
                send("PATCH", PREDICTIONS + "/" + key, "{\"statement\": \"Changed by 2030.\"}", "\"0\"");

        JsonNode problem = problem(response, 415);
        assertTrue(problem.path("detail").asText().contains("application/merge-patch+json"), problem.toString());
        given().get(PREDICTIONS + "/" + key).then().body("version", equalTo(0));
    }

    @Test
    void transitionWithoutABodyNeedsNoContentType() throws Exception {
        String key = create(prediction(key("no-type-empty")));
        HttpResponse<String> response = send("POST", PREDICTIONS + "/" + key + "/withdrawal", "", null);

        assertEquals(200, response.statusCode(), response.body());
        given().get(PREDICTIONS + "/" + key).then().body("status", equalTo("WITHDRAWN"));
    }

    private HttpResponse<String> send(String method, String path, String body, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(root.toString()).resolve(path))
                .header("Authorization", "Bearer " + AdminTokenByDefault.ADMIN_TOKEN)
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        // The JDK client sends no Content-Type unless told to.
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON),
                response.headers().toString());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(status, body.path("status").asInt());
        return body;
    }
}
