package app.hindsight.trackrecord;

import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.create;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.prediction;
import static app.hindsight.prediction.TestData.uid;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** GET /speakers/{name}: the exact name first, else the one speaker a part of a name fits, else suggestions. */
@QuarkusTest
class SpeakerLookupTest {

    @Test
    void theExactNameIsServedInAnyCase() {
        String name = "Nadia Exact" + uid();
        said(name);

        given().get("/api/v1/speakers/{name}", name.toUpperCase())
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("predictions", equalTo(1));
    }

    @Test
    void aPartOfOneNameRedirectsToThatSpeakerKeepingTheQuery() {
        String u = uid();
        String name = "Zoë Ångström" + u;
        said(name);

        for (String part : List.of("angstrom" + u, "ÅNGSTRÖM" + u, "zoe ångström" + u.substring(0, 4))) {
            given().redirects()
                    .follow(false)
                    .queryParam("limit", 5)
                    .get("/api/v1/speakers/{name}", part)
                    .then()
                    .statusCode(308)
                    .header("Location", endsWith("/api/v1/speakers/Zo%C3%AB%20%C3%85ngstr%C3%B6m" + u + "?limit=5"));
        }
        // Where it points (on the public address, which is not the test port) is the speaker.
        String location = given().redirects()
                .follow(false)
                .get("/api/v1/speakers/{name}", "angstrom" + u)
                .header("Location");
        given().urlEncodingEnabled(false)
                .get(URI.create(location).getRawPath())
                .then()
                .statusCode(200)
                .body("name", equalTo(name));
    }

    @Test
    void aPartOfSeveralNamesIsA404ListingThem() {
        String u = uid();
        said("Sam Hartmann" + u);
        said("Rachel Hartmann" + u);

        given().get("/api/v1/speakers/{name}", "hartmann" + u)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("suggestions", equalTo(List.of("Rachel Hartmann" + u, "Sam Hartmann" + u)))
                .body("detail", containsString("fits several: Rachel Hartmann" + u + ", Sam Hartmann" + u));
    }

    @Test
    void aNameThatFitsNoneIsA404SuggestingTheNearest() {
        String u = uid();
        said("Quentin Vauxhall" + u);

        // One letter dropped from the word: nearer than any other test's speaker.
        given().get("/api/v1/speakers/{name}", "vauxhal" + u.substring(0, 7) + "x")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("suggestions", equalTo(List.of("Quentin Vauxhall" + u)))
                .body("detail", containsString("the nearest name: Quentin Vauxhall" + u));
    }

    private static void said(String speaker) {
        Map<String, Object> body = prediction(key("said"));
        body.put("speaker", speaker);
        create(body);
    }
}
