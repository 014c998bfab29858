package app.hindsight.trackrecord;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The figure called "predictions" counts every tracked item, of each kind, and says so: forecasts and commitments
 * are about the future, stances and claims are tracked too (the town hall seeds 20 claims and 11 stances). The desk,
 * /stats and the speakers' records say it, and give the figure per kind.
 */
@QuarkusTest
class WhatTheCountsCountTest {

    static final List<String> KINDS = List.of("FORECAST", "COMMITMENT", "STANCE", "CLAIM");

    @Test
    void statsCountsEveryKindAndTheDeskShowsEach() {
        JsonPath stats =
                given().get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
        Map<String, Integer> byKind = stats.getMap("byKind");
        assertEquals(KINDS, List.copyOf(byKind.keySet()));
        assertEquals(
                stats.getLong("predictions"),
                byKind.values().stream().mapToLong(Integer::longValue).sum(),
                "predictions is the sum over the four kinds");
        assertTrue(byKind.get("CLAIM") >= 20 && byKind.get("STANCE") >= 11, byKind.toString());

        String home = given().accept("text/html")
                .get("/")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                home.contains("<dt>Predictions, every kind</dt><dd>" + stats.getLong("predictions") + "</dd>"), home);
        for (String kind : KINDS) {
            assertTrue(home.contains("<dt>" + kind + "</dt><dd>" + byKind.get(kind) + "</dd>"), kind + ": " + home);
        }
        given().accept("text/html")
                .get("/desk/speakers")
                .then()
                .statusCode(200)
                .body(containsString("count all of a speaker's tracked items, of each kind"))
                .body(containsString("/api/v1/speakers/{name}"));
    }

    @Test
    void theApiDescriptionSaysWhatPredictionsCounts() {
        JsonPath doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (String schema : List.of("StatsView", "TrackRecord", "SpeakerView")) {
            String description = doc.getString("components.schemas." + schema + ".properties.predictions.description");
            assertTrue(
                    description != null && description.contains("every tracked item") && description.contains("claims"),
                    schema + ": " + description);
        }
    }
}
