package app.hindsight.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.hindsight.TestClock;
import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The scheduler and trajectories: an observation that meets the target flags the prediction for an early review,
 * once; an observation that turns ON_TRACK into BEHIND makes one prediction.off-track notice.
 */
@QuarkusTest
@TestProfile(SchedulingProfile.class)
class TargetMetTest {

    @Inject
    DueScan scan;

    private TestClock clock;

    @BeforeEach
    void onTheDayOfTheWorkedExample() {
        clock = TestClock.install(Instant.parse("2026-11-29T12:00:00Z"));
    }

    /** Price per million tokens from 3.4375 on 2026-01-27 to 0.034375 by the end of 2027, LOG. */
    private static String hundredFold() {
        return TestData.create(TestData.hundredFold(TestData.key("met")));
    }

    private static int observe(String key, double value) {
        return given().contentType("application/json")
                .body(Map.of("on", "2026-11-29", "value", value))
                .post("/api/v1/predictions/{key}/observations", key)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void aMetTargetFlagsAnEarlyReviewOnce() {
        String key = hundredFold();
        String untouched = hundredFold();
        observe(untouched, 0.5); // not yet at the target
        observe(key, 0.03);
        assertEquals(1, scan.run().flagged());
        assertEquals(0, scan.run().flagged(), "a second scan flags nothing");
        TestData.predictions().get("{key}", key).then().body("status", equalTo("DUE"));
        TestData.predictions().get("{key}", untouched).then().body("status", equalTo("OPEN"));
        TestData.predictions()
                .get("{key}/history", key)
                .then()
                .body("items.type", contains("CREATED", "OBSERVED", "FLAGGED_DUE"))
                .body("items[2].reason", equalTo("TARGET_MET"))
                .body("items[2].actor", equalTo("scheduler"));
        given().get("/api/v1/reviews?limit=500")
                .then()
                .body("items.find { it.prediction == '" + key + "' }.reason", equalTo("TARGET_MET"))
                .body("items.find { it.prediction == '" + key + "' }.dueOn", equalTo("2026-11-29"));
        List<String> notices = DueScanTest.notices(key);
        assertEquals(1, notices.size(), notices.toString());
        assertEquals(true, notices.get(0).startsWith("prediction.due "), notices.toString());
        assertEquals(
                true,
                DueScanTest.payloads(key).get(0).contains("\"reason\":\"TARGET_MET\""),
                DueScanTest.payloads(key).get(0));

        // Deferred, it stays OPEN until the day given: the same observation does not flag it again.
        TestData.predictions()
                .contentType("application/json")
                .body(Map.of("until", "2027-06-01", "note", "check the price again then"))
                .post("{key}/deferral", key)
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"));
        assertEquals(0, scan.run().flagged());
        // A new observation at the target, later that day, does.
        clock.advance(java.time.Duration.ofHours(2));
        observe(key, 0.02);
        assertEquals(1, scan.run().flagged());
    }

    @Test
    void turningOnTrackIntoBehindMakesOneOffTrackNotice() {
        String key = hundredFold();
        observe(key, 0.34375); // ten times cheaper: ON_TRACK
        given().get("/api/v1/predictions/{key}/trajectory", key).then().body("verdict", equalTo("ON_TRACK"));
        int behind = observe(key, 1.71875); // only halved, the latest of the day: BEHIND
        given().get("/api/v1/predictions/{key}/trajectory", key).then().body("verdict", equalTo("BEHIND"));
        observe(key, 1.5); // still BEHIND: nothing new
        assertEquals(List.of("prediction.off-track observation-" + behind), DueScanTest.notices(key));
        String payload = DueScanTest.payloads(key).get(0);
        assertEquals(true, payload.contains("\"verdict\":\"BEHIND\""), payload);
        assertEquals(
                true,
                payload.contains("\"url\":\"" + SchedulingProfile.PUBLIC_URL + "/api/v1/predictions/" + key),
                payload);

        // Webhooks may subscribe to it.
        given().contentType("application/json")
                .body(Map.of(
                        "url", "https://hooks.example.org/hindsight", "eventTypes", List.of("prediction.off-track")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201);
    }
}
