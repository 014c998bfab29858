package app.hindsight.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Imports of 10k items, which take the batched insert path: all or nothing, and read back like any prediction. */
@QuarkusTest
class LargeImportTest {

    private static final int ITEMS = 10_000;

    private static String body(String run, String last) {
        StringBuilder body = new StringBuilder();
        for (int n = 0; n < ITEMS - 1; n++) {
            body.append(line(run, n)).append('\n');
        }
        return body.append(last).append('\n').toString();
    }

    private static String line(String run, int n) {
        return """
                {"key": "big-%s-%d", "statement": "Item %d will happen.", "kind": "FORECAST", "speaker": "Ada", \
                "madeOn": "2026-01-01", "topics": ["bulk", "t%d"], \
                "target": {"date": "2030-12-31", "precision": "YEAR", "basis": "EXPLICIT"}}""".formatted(run, n, n, n % 7);
    }

    @Test
    void largeImportWithABadLastItemWritesNothing() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String bad = """
                {"key": "big-%s-last", "kind": "FORECAST", "speaker": "Ada", "madeOn": "2026-01-01", \
                "target": {"date": "2030-12-31", "precision": "YEAR", "basis": "EXPLICIT"}}""".formatted(run);
        given().contentType("application/x-ndjson")
                .body(body(run, bad).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports")
                .then()
                .statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].index", equalTo(ITEMS - 1))
                .body("errors[0].field", equalTo("statement"));
        given().get("/api/v1/predictions/big-" + run + "-0").then().statusCode(404);
        given().get("/api/v1/predictions/big-" + run + "-" + (ITEMS - 2)).then().statusCode(404);
    }

    @Test
    void largeImportIsReadableAtOnceAfterA404() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // A miss first: whatever the read cache keeps of it must not outlive the import.
        given().get("/api/v1/predictions/big-" + run + "-5").then().statusCode(404);
        given().contentType("application/x-ndjson")
                .body(body(run, line(run, ITEMS - 1)).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("created", equalTo(ITEMS))
                .body("updated", equalTo(0));
        given().get("/api/v1/predictions/big-" + run + "-5")
                .then()
                .statusCode(200)
                .body("topics", hasSize(2))
                .body("version", equalTo(0))
                .body("status", equalTo("OPEN"));
        given().get("/api/v1/predictions/big-" + run + "-" + (ITEMS - 1) + "/history")
                .then()
                .statusCode(200)
                .body("items.type", hasSize(1))
                .body("items[0].type", equalTo("CREATED"))
                .body("items[0].note", equalTo("imported"));
        // Imported again: every item unchanged, nothing written.
        given().contentType("application/x-ndjson")
                .body(body(run, line(run, ITEMS - 1)).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("created", equalTo(0))
                .body("unchanged", equalTo(ITEMS));
    }
}
