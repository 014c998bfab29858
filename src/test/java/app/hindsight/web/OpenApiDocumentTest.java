package app.hindsight.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The committed openapi/openapi.yaml must be the document the service serves, so an API change shows up
 * in review. When they differ, the served one is written to target/openapi.yaml to copy over.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");

    @Test
    void committedDocumentIsTheServedOne() throws IOException {
        String served = given().queryParam("format", "yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        Path candidate = Path.of("target", "openapi.yaml");
        if (served.equals(committed)) {
            Files.deleteIfExists(candidate);
        } else {
            Files.createDirectories(candidate.getParent());
            Files.writeString(candidate, served, StandardCharsets.UTF_8);
        }
        assertEquals(
                committed,
                served,
                "openapi/openapi.yaml is not the served document: review "
                        + "target/openapi.yaml and copy it to openapi/openapi.yaml");
    }

    @Test
    void everyOperationHasASummaryAndDocumentsItsErrors() {
        JsonPath doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            if (path.startsWith("/api/")) {
                String name = method.toUpperCase() + " " + path;
                if (op.get("summary") == null) {
                    missing.add(name + ": summary");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) op.get("responses");
                if (responses == null || responses.keySet().stream().noneMatch(s -> s.startsWith("2"))) {
                    missing.add(name + ": a success response");
                }
                if (responses == null || responses.keySet().stream().noneMatch(s -> s.startsWith("4"))) {
                    missing.add(name + ": an error response");
                }
            }
        }));
        assertFalse(paths.isEmpty());
        assertTrue(missing.isEmpty(), "undocumented: " + missing);
    }

    /**
     * Swagger UI lists the tags in the document's order: the ledger first (it came seventh, alphabetically), the
     * administration last; and the description links back to the review desk.
     */
    @Test
    void theTagsGoByUseAndTheDescriptionLinksTheDesk() {
        JsonPath doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> tags = doc.getList("tags.name", String.class);
        assertEquals(List.of("Predictions", "Reviews", "Trajectories", "Forecasts"), tags.subList(0, 4));
        assertEquals("Tokens", tags.get(tags.size() - 1));
        assertTrue(doc.getString("info.description").endsWith("[the service's root](/)."), "a link to the desk");
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
