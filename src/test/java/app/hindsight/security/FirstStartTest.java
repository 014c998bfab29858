package app.hindsight.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.ProductionLikeProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Without HINDSIGHT_ADMIN_TOKEN, the first start generates an admin token into a file only its owner can
 * read, and the log names the file, never the token. Anonymous reads are switched off here too.
 */
@QuarkusTest
@TestProfile(ProductionLikeProfile.class)
class FirstStartTest {

    static final Path DATA = ProductionLikeProfile.DATA;
    static final Path LOG = ProductionLikeProfile.LOG;

    @Test
    void firstAdminTokenIsWrittenToAnOwnerOnlyFileAndWorks() throws IOException {
        AdminTokenByDefault.anonymous();
        Path file = DATA.resolve(TokenService.ADMIN_TOKEN_FILE);
        assertTrue(Files.exists(file), file.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String token = Files.readString(file, StandardCharsets.UTF_8).strip();

        given().header("Authorization", "Bearer " + token)
                .get("/api/v1/tokens")
                .then()
                .statusCode(200);

        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertTrue(log.contains(file.toAbsolutePath().normalize().toString()), "the log names the file");
        assertFalse(log.contains(token), "the log shows the token");
    }

    @Test
    void withAnonymousReadsOffReadsNeedAToken() {
        AdminTokenByDefault.anonymous();
        given().get("/api/v1/predictions?limit=1").then().statusCode(401);
        given().get("/api/v1/sources").then().statusCode(401);
        String reader = given().header("Authorization", "Bearer " + adminToken())
                .contentType("application/json")
                .body(Map.of("name", "first-start-reader", "roles", List.of("reader")))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        given().header("Authorization", "Bearer " + reader)
                .get("/api/v1/predictions?limit=1")
                .then()
                .statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }

    private static String adminToken() {
        try {
            return Files.readString(DATA.resolve(TokenService.ADMIN_TOKEN_FILE), StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
