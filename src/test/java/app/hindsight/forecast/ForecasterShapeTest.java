package app.hindsight.forecast;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.hindsight.TestClock;
import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A forecaster's record is flat like a speaker's; the nested scores of earlier releases stay for one release. */
@QuarkusTest
class ForecasterShapeTest {

    @Test
    void theFiguresAreAtTheTopLevelAndTheDeprecatedScoresRepeatThem() {
        // Forecast on one day, resolve on the next: a forecast made on the day the answer became known does not score.
        TestClock clock = TestClock.install(Instant.parse("2026-06-01T10:00:00Z"));
        String name = "shape-" + TestData.uid();
        String bearer = Forecasters.token(name, "forecaster");
        String key = Forecasters.prediction("Shape Speaker", "shapes");
        Forecasters.forecast(key, bearer, 0.8);
        clock.advance(Duration.ofDays(1));
        Forecasters.resolve(key, "CORRECT");

        JsonPath record = given().get("/api/v1/forecasters/{name}", name)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(name, record.getString("name"));
        assertEquals(1, record.getInt("forecasts"));
        assertEquals(1, record.getInt("scored"));
        assertEquals(0.04, record.getDouble("meanBrier"), 1e-9);
        assertEquals(10, record.getList("calibration").size());
        Map<String, Object> scores = record.getMap("scores");
        for (String figure : new String[] {"name", "forecasts", "scored", "meanBrier", "meanLog", "crowdBrier"}) {
            assertEquals(record.get(figure), scores.get(figure), figure);
        }
        assertEquals(record.get("relativeBrier"), scores.get("relativeBrier"));
    }
}
