package app.hindsight.hostile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import app.hindsight.web.OpenApiTexts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The hostile round on H2 (the PostgreSQL suite runs it there): no 500, no error without a problem document. */
@QuarkusTest
@TestProfile(HostileRoundTest.Profile.class)
class HostileRoundTest {

    /** A database of its own (the round deletes and floods), with the production address rules for webhooks. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:h2:mem:hostile;DB_CLOSE_DELAY=-1",
                    "hindsight.webhooks.allowed-networks", "",
                    "hindsight.webhooks.allow-private", "false");
        }
    }

    @TestHTTPResource("/")
    URL root;

    @Test
    void theHostileRoundFindsNothing() {
        String key = "hostile-known-" + System.nanoTime();
        given().header("Authorization", "Bearer test-admin-token")
                .contentType("application/json")
                .body(withKey(key, OpenApiTexts.requestExample("createPrediction", "coding forecast")))
                .post("/api/v1/predictions")
                .then()
                .statusCode(201);
        String base = root.toString().replaceAll("/$", "");
        HostileRound round = new HostileRound(base, "test-admin-token").run(key);
        round.write(java.nio.file.Path.of("target", "hostile-findings-h2.txt"));
        assertTrue(round.sent() > 1000, "the round sent only " + round.sent() + " requests");
        assertTrue(
                round.findings().isEmpty(),
                round.findings().size() + " findings in " + round.sent() + " requests:\n"
                        + round.findings().stream()
                                .limit(60)
                                .map(HostileRound.Finding::toString)
                                .collect(Collectors.joining("\n")));
    }

    /** The API description's example of a new prediction, under a key of the test's own. */
    private static Map<String, Object> withKey(String key, Map<String, Object> example) {
        Map<String, Object> body = new LinkedHashMap<>(example);
        body.put("key", key);
        return body;
    }
}
