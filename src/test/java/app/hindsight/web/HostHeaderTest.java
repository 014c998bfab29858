package app.hindsight.web;

import static app.hindsight.prediction.TestData.PREDICTIONS;
import static app.hindsight.prediction.TestData.create;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.prediction;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Links the service hands out are built on hindsight.public-url: a Host or X-Forwarded-Host header never makes
 * its way into a Location, a Link or a calendar's URL.
 */
@QuarkusTest
class HostHeaderTest {

    private static final String EVIL = "evil.example";

    @Inject
    PublicUrl publicUrl;

    private static RequestSpecification spoofed() {
        return given().header("Host", EVIL).header("X-Forwarded-Host", EVIL).header("Forwarded", "host=" + EVIL);
    }

    @Test
    void nextPageLinkIsOnThePublicAddress() {
        String topic = "host-" + app.hindsight.prediction.TestData.uid();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> p = prediction(key("host-link"));
            p.put("topics", List.of(topic));
            create(p);
        }

        String link = spoofed()
                .get(PREDICTIONS + "?topic=" + topic + "&limit=1")
                .then()
                .statusCode(200)
                .extract()
                .header("Link");

        assertTrue(link.startsWith("<" + publicUrl.base() + PREDICTIONS + "?"), link);
        assertFalse(link.contains(EVIL), link);
    }

    @Test
    void locationOfACreatedPredictionIsOnThePublicAddress() {
        String key = key("host-location");
        String location = spoofed()
                .contentType("application/json")
                .body(prediction(key))
                .post(PREDICTIONS)
                .then()
                .statusCode(201)
                .extract()
                .header("Location");

        assertEquals(publicUrl.base() + PREDICTIONS + "/" + key, location);
    }

    @Test
    void calendarUrlsAreOnThePublicAddress() {
        String key = create(prediction(key("host-calendar")));

        String ics = spoofed()
                .get("/api/v1/calendar.ics?from=2026-01-01&to=2030-12-31&q=" + key)
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .replace("\r\n ", "");

        assertTrue(ics.contains("URL:" + publicUrl.base() + PREDICTIONS + "/" + key), ics);
        assertFalse(ics.contains(EVIL), ics);
    }

    @Test
    void theDesksLinksAreRelative() {
        Response home = spoofed().get("/");
        home.then().statusCode(200);
        assertFalse(home.asString().contains(EVIL), "the desk names the spoofed host");
    }
}
