package app.hindsight.desk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The favicon is served, without a token, as an SVG and as /favicon.ico (which browsers ask for by themselves, and
 * whose 404 was in every desk page's console), and every page for people links both in its head.
 */
@QuarkusTest
class FaviconTest {

    static final String LINKS = "<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\">\n"
            + "<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">";

    @Test
    void bothFaviconsAreServedWithTheirTypes() {
        AdminTokenByDefault.anonymous();
        given().get("/favicon.svg")
                .then()
                .statusCode(200)
                .contentType(startsWith("image/svg+xml"))
                .body(startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        byte[] ico = given().get("/favicon.ico")
                .then()
                .statusCode(200)
                .contentType(startsWith("image/x-icon"))
                .extract()
                .asByteArray();
        // An icon directory (reserved 0, type 1) of three images, each a PNG.
        assertArrayEquals(new byte[] {0, 0, 1, 0, 3, 0}, Arrays.copyOf(ico, 6));
        assertTrue(new String(ico, java.nio.charset.StandardCharsets.ISO_8859_1).contains("PNG"), "PNG images");
    }

    @Test
    void everyPageForPeopleLinksThem() {
        String due = TestData.createDue("favicon");
        AdminTokenByDefault.anonymous();
        for (String path : List.of(
                "/",
                "/desk/predictions/" + due,
                "/desk/reviews",
                "/desk/speakers",
                "/desk/forecasters",
                "/desk/sources",
                "/desk/no-such-page",
                "/digest/confirm/no-such-token")) {
            given().accept("text/html")
                    .get(path)
                    .then()
                    .contentType(startsWith("text/html"))
                    .body(containsString("<head>"), containsString(LINKS));
        }
    }
}
