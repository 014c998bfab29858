package app.hindsight.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.ProductionLikeProfile;
import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * What an operator relies on with anonymous reads off and the database in the data folder: the folder and its
 * files are the owner's alone, metrics need a token, the API description and health stay public, and CORS answers
 * the allowed origin only.
 */
@QuarkusTest
@TestProfile(ProductionLikeProfile.class)
class ProductionLikeTest {

    private static final Path DATA = ProductionLikeProfile.DATA;

    @Test
    void dataFolderAndEveryFileInItAreOwnerOnly() throws IOException {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA)));
        assertTrue(Files.exists(DATA.resolve("hindsight.mv.db")), "the database is in the data folder");
        try (Stream<Path> files = Files.list(DATA)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
                assertTrue(mode.endsWith("------"), file + " is " + mode);
            }
        }
    }

    @Test
    void metricsNeedATokenWhenAnonymousReadsAreOff() {
        AdminTokenByDefault.anonymous();
        given().get("/q/metrics")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
        given().header("Authorization", "Bearer hs_not-a-token")
                .get("/q/metrics")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));

        given().header("Authorization", "Bearer " + reader())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("jvm_"));
    }

    @Test
    void apiDescriptionAndHealthStayPublic() {
        AdminTokenByDefault.anonymous();
        given().get("/q/openapi").then().statusCode(200).body(containsString("Hindsight"));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        // The data is not.
        given().get("/api/v1/predictions?limit=1").then().statusCode(401);
    }

    @Test
    void theDeskTellsAPersonWhyItCannotBeReadWithoutAToken() {
        AdminTokenByDefault.anonymous();
        for (String page : new String[] {
            "/", "/desk/reviews", "/desk/predictions/any-key", "/desk/sources", "/desk/sources/any-key"
        }) {
            given().accept("text/html")
                    .get(page)
                    .then()
                    .statusCode(401)
                    .contentType(startsWith("text/html"))
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body(containsString("not open to anonymous readers"));
        }
    }

    @Test
    void corsAnswersTheAllowedOriginOnly() {
        String reader = reader();
        given().header("Authorization", "Bearer " + reader)
                .header("Origin", ProductionLikeProfile.ALLOWED_ORIGIN)
                .get("/api/v1/predictions?limit=1")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", ProductionLikeProfile.ALLOWED_ORIGIN)
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        given().header("Origin", ProductionLikeProfile.ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .options("/api/v1/predictions/some-key")
                .then()
                .header("Access-Control-Allow-Origin", ProductionLikeProfile.ALLOWED_ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("PATCH"));

        given().header("Authorization", "Bearer " + reader)
                .header("Origin", "https://elsewhere.example")
                .get("/api/v1/predictions?limit=1")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "PATCH")
                .options("/api/v1/predictions/some-key")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    private static String reader() {
        String admin;
        try {
            admin = Files.readString(DATA.resolve(TokenService.ADMIN_TOKEN_FILE), StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return given().header("Authorization", "Bearer " + admin)
                .contentType("application/json")
                .body(Map.of("name", "production-like-" + TestData.uid(), "roles", List.of("reader")))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }
}
