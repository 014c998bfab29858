package app.hindsight.web;

import static app.hindsight.prediction.TestData.PREDICTIONS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.prediction.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Security and cache headers on every kind of response; CORS off while no allow-list is configured. */
@QuarkusTest
class ResponseHeadersTest {

    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    @TestHTTPResource("/")
    URL server;

    @Test
    void apiReadsCarryTheSecurityHeadersAndAreNotStored() {
        apiHeaders(given().get(PREDICTIONS + "?limit=1").then().statusCode(200));
        apiHeaders(given().get("/api/v1/calendar.ics?topic=cost").then().statusCode(200));
    }

    @Test
    void aNewTokenIsNeverStored() {
        apiHeaders(given().contentType("application/json")
                .body(Map.of("name", "headers-" + TestData.uid(), "roles", List.of("reader")))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201));
    }

    @Test
    void problemDocumentsCarryThemToo() throws Exception {
        apiHeaders(
                given().get(PREDICTIONS + "/no-such-" + TestData.uid()).then().statusCode(404));
        AdminTokenByDefault.anonymous();
        apiHeaders(given().contentType("application/json")
                .body("{}")
                .post(PREDICTIONS)
                .then()
                .statusCode(401));

        // Refused before JAX-RS, by RequestGuard.
        RawHttp.Answer refused = RawHttp.send(server, "GET /api/v1/predictions?q=%zz HTTP/1.1");
        assertEquals(400, refused.status());
        assertEquals("nosniff", refused.header("X-Content-Type-Options"));
        assertEquals(API_CSP, refused.header("Content-Security-Policy"));
        assertEquals("no-store", refused.header("Cache-Control"));
        assertEquals("DENY", refused.header("X-Frame-Options"));

        // Refused by the router before any filter ran.
        RawHttp.Answer noHost = RawHttp.exchange(
                server,
                "GET /api/v1/predictions HTTP/1.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(400, noHost.status());
        assertEquals("nosniff", noHost.header("X-Content-Type-Options"));
        assertEquals(API_CSP, noHost.header("Content-Security-Policy"));
        assertEquals("DENY", noHost.header("X-Frame-Options"));
    }

    @Test
    void swaggerUiMayRunItsOwnScriptsButNotBeFramed() {
        AdminTokenByDefault.anonymous();
        given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("swagger-ui-bundle.js"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", equalTo("frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY");
        // Its scripts and styles are served with their types, which nosniff requires.
        given().get("/q/swagger-ui/swagger-ui-bundle.js")
                .then()
                .statusCode(200)
                .contentType(containsString("javascript"));
        given().get("/q/swagger-ui/swagger-ui.css").then().statusCode(200).contentType(containsString("text/css"));
        given().get("/q/openapi").then().statusCode(200).header("Content-Security-Policy", API_CSP);
    }

    @Test
    void theDeskLoadsOnlyFromItsOwnOriginAndNothingInline() {
        AdminTokenByDefault.anonymous();
        for (String page : new String[] {"/", "/desk/reviews", "/desk/predictions/no-such-key"}) {
            given().get(page)
                    .then()
                    .contentType(containsString("text/html"))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", equalTo(ResponseHeaders.DESK_CSP))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("X-Frame-Options", "DENY");
        }
        // What the pages embed keeps the API's policy: a chart is an image, never a document that runs anything.
        given().get(PREDICTIONS + "/gpt5-level-intelligence-100x-cheaper-by-2027/trajectory.svg")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", API_CSP);
    }

    @Test
    void corsIsOffWithoutAnAllowList() {
        AdminTokenByDefault.anonymous();
        given().header("Origin", "https://elsewhere.example")
                .get(PREDICTIONS + "?limit=1")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options(PREDICTIONS)
                .then()
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue());
    }

    private static void apiHeaders(ValidatableResponse response) {
        response.header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", API_CSP)
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Server", not(containsString("/")));
    }
}
