package app.hindsight.verdict;

import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.hindsight.TestClock;
import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** With hindsight.verdict.dispute-window=PT0S (the test profile's) a verdict is FINAL the moment it is recorded. */
@QuarkusTest
class FinalAtOnceTest {

    @Test
    void withoutAWindowTheVerdictIsFinalAtOnce() {
        Instant now = Instant.parse("2026-06-01T10:00:00Z");
        TestClock.install(now);
        String key = TestData.create(TestData.prediction(TestData.key("at-once")));
        TestData.predictions()
                .contentType("application/json")
                .body(Map.of("outcome", "CORRECT", "note", "checked"))
                .post("{key}/resolution", key)
                .then()
                .statusCode(200)
                .body("resolution.state", equalTo("FINAL"))
                .body("resolution.finalAt", equalTo(now.toString()));
    }
}
