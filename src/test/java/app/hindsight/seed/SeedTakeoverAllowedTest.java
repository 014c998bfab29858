package app.hindsight.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.hindsight.ExpectedLogs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With hindsight.seed.dir-may-revise-packaged, a folder's file may revise the town hall: revision 99 with only its
 * first prediction withdraws the other 73. On a database of its own, since it does withdraw them.
 */
@QuarkusTest
@TestProfile(SeedTakeoverAllowedTest.Allowed.class)
class SeedTakeoverAllowedTest {

    public static class Allowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:seed-takeover;DB_CLOSE_DELAY=-1",
                    "hindsight.seed.dir-may-revise-packaged",
                    "true");
        }
    }

    @Inject
    SeedLoader loader;

    @TempDir
    Path dir;

    @Test
    void aFolderSeedMayReviseThePackagedTownHallWhenConfiguredTo() throws IOException {
        Path file = SeedTakeoverTest.revisionNinetyNine(dir, "takeover-allowed-own");
        assertEquals(74, SeedTakeoverTest.openTownHallPredictions());

        SeedResult result;
        try (ExpectedLogs logs = ExpectedLogs.capture(SeedRevisions.class)) {
            result = loader.load(file);
        }

        assertEquals(73, result.withdrawn(), result.toString());
        assertEquals(1, SeedTakeoverTest.openTownHallPredictions());
        given().get("/api/v1/sources/" + SeededPredictionsTest.SOURCE).then().body("seedRevision", equalTo(99));
    }
}
