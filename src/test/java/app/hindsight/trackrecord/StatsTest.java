package app.hindsight.trackrecord;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** GET /stats: each figure moves by what a test adds. */
@QuarkusTest
class StatsTest {

    @Test
    void statsCountWhatIsAdded() {
        JsonPath before = stats();
        String topic = "stats-" + TestData.uid();
        String speaker = "Stats Speaker " + TestData.uid();
        // Due in about 60 days: within 90 and 365, not 30.
        LocalDate inSixtyDays = LocalDate.now(ZoneOffset.UTC).plusDays(60);
        Map<String, Object> soon = TestData.prediction(TestData.key("stats"));
        soon.put("topics", List.of(topic));
        soon.put("speaker", speaker);
        soon.put("kind", "COMMITMENT");
        soon.put("target", TestData.target(inSixtyDays.toString(), "DAY", "EXPLICIT", "in sixty days"));
        TestData.create(soon);
        Map<String, Object> resolved = TestData.prediction(TestData.key("stats"));
        resolved.put("topics", List.of(topic));
        resolved.put("speaker", speaker);
        String key = TestData.create(resolved);
        TestData.resolve(key);
        String bearer = "Bearer "
                + given().contentType("application/json")
                        .body(Map.of("name", "stats-" + TestData.uid(), "roles", List.of("forecaster")))
                        .post("/api/v1/tokens")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("token");
        String open = TestData.create(TestData.prediction(TestData.key("stats")));
        given().header("Authorization", bearer)
                .contentType("application/json")
                .body(Map.of("probability", 0.4))
                .post("/api/v1/predictions/{key}/forecasts", open)
                .then()
                .statusCode(201);

        AdminTokenByDefault.anonymous(); // stats are a read, open to anonymous callers
        JsonPath after = stats();
        assertEquals(before.getInt("predictions") + 3, after.getInt("predictions"));
        assertEquals(before.getInt("byStatus.OPEN") + 2, after.getInt("byStatus.OPEN"));
        assertEquals(before.getInt("byStatus.RESOLVED") + 1, after.getInt("byStatus.RESOLVED"));
        assertEquals(before.getInt("byKind.COMMITMENT") + 1, after.getInt("byKind.COMMITMENT"));
        assertEquals(2, after.getInt("byTopic.'" + topic + "'"));
        assertEquals(1, after.getInt("outcomesBySpeaker.'" + speaker + "'.CORRECT"));
        assertEquals(0, after.getInt("outcomesBySpeaker.'" + speaker + "'.INCORRECT"));
        assertEquals(before.getInt("dueWithin.days30"), after.getInt("dueWithin.days30"));
        assertEquals(before.getInt("dueWithin.days90") + 1, after.getInt("dueWithin.days90"));
        assertEquals(before.getInt("dueWithin.days365") + 1, after.getInt("dueWithin.days365"));
        assertEquals(before.getInt("forecasts") + 1, after.getInt("forecasts"));
        assertEquals(before.getInt("forecasters") + 1, after.getInt("forecasters"));
        int total = after.getMap("byStatus").values().stream()
                .mapToInt(n -> ((Number) n).intValue())
                .sum();
        assertEquals(after.getInt("predictions"), total);

        String csv = given().accept("text/csv")
                .get("/api/v1/stats")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals("figure,value,count", csv.lines().findFirst().orElseThrow());
        assertTrue(csv.contains("\ntopic," + topic + ",2\n"), csv);
        assertTrue(csv.contains("\nforecasts,," + after.getInt("forecasts") + "\n"), csv);
    }

    private static JsonPath stats() {
        return given().get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
    }
}
