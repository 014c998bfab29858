package app.hindsight.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "hindsight.rate-limit.enabled",
                    "true",
                    "hindsight.rate-limit.anonymous-per-minute",
                    "5",
                    "hindsight.rate-limit.token-per-minute",
                    "8",
                    "quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:ratelimit;DB_CLOSE_DELAY=-1",
                    "hindsight.seed.enabled",
                    "false");
        }
    }

    /**
     * Each test's clock starts well after the last one's, whatever order they run in: the buckets outlive a test,
     * and a bucket refills only as its clock moves forward.
     */
    private static Instant epoch = Instant.parse("2027-03-01T10:00:00Z");

    private static TestClock freshClock() {
        epoch = epoch.plus(Duration.ofDays(1));
        return TestClock.install(epoch);
    }

    /** A new token, used once so that it has authenticated; then a minute passes and every bucket is full. */
    private static String authenticatedToken(TestClock clock) {
        String token = newToken();
        given().header("Authorization", "Bearer " + token)
                .get("/api/v1/sources")
                .then()
                .statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        return token;
    }

    @Test
    void anAnonymousCallerOverItsLimitGetsA429UntilTheBucketRefills() {
        TestClock clock = freshClock();
        String token = authenticatedToken(clock);
        AdminTokenByDefault.anonymous();
        for (int i = 1; i <= 5; i++) {
            given().get("/api/v1/sources")
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Limit", "5")
                    .header("RateLimit-Remaining", String.valueOf(5 - i));
        }
        given().get("/api/v1/sources")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("type", equalTo("/problems/rate-limited"))
                .body("detail", containsString("5 requests a minute from this address"))
                .header("Retry-After", "12")
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", "60");

        // Health and Swagger UI are not limited; a caller with a token has a bucket of its own.
        given().get("/q/health/live").then().statusCode(200).header("RateLimit-Limit", nullValue());
        given().header("Authorization", "Bearer " + token)
                .get("/api/v1/sources")
                .then()
                .statusCode(200)
                .header("RateLimit-Limit", "8")
                .header("RateLimit-Remaining", "7");

        // One token back every 12 s.
        clock.advance(Duration.ofSeconds(11));
        given().get("/api/v1/sources").then().statusCode(429).header("Retry-After", "1");
        clock.advance(Duration.ofSeconds(1));
        given().get("/api/v1/sources").then().statusCode(200).header("RateLimit-Remaining", "0");
        clock.advance(Duration.ofMinutes(1));
        given().get("/api/v1/sources").then().statusCode(200).header("RateLimit-Remaining", "4");
    }

    @Test
    void eachTokenHasItsOwnBucketAndARefusedWriteChangesNothing() {
        String token = authenticatedToken(freshClock());
        String key = "rate-limited-" + System.nanoTime();
        for (int i = 0; i < 8; i++) {
            given().header("Authorization", "Bearer " + token)
                    .get("/api/v1/sources")
                    .then()
                    .statusCode(200);
        }
        given().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(Map.of("key", key, "title", "T", "speaker", "S", "date", "2026-01-01"))
                .post("/api/v1/sources")
                .then()
                .statusCode(429)
                .header("RateLimit-Limit", "8")
                .body("detail", containsString("8 requests a minute with this token"));
        given().header("Authorization", "Bearer " + AdminTokenByDefault.ADMIN_TOKEN)
                .get("/api/v1/sources/" + key)
                .then()
                .statusCode(404);
        assertEquals(
                429,
                given().header("Authorization", "Bearer " + token)
                        .get("/api/v1/sources")
                        .statusCode());
    }

    @Test
    void everySpellingOfATokenDrawsOnTheSameBucket() {
        String token = authenticatedToken(freshClock());
        String[] spellings = {
            "Bearer " + token,
            "bearer  " + token,
            "BEARER " + token,
            "Bearer\t" + token,
            "bEaReR   " + token + "  ",
            "Bearer " + token,
            "bearer " + token,
            "BEARER\t\t" + token
        };
        for (int i = 0; i < spellings.length; i++) {
            given().header("Authorization", spellings[i])
                    .get("/api/v1/sources")
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Limit", "8")
                    .header("RateLimit-Remaining", String.valueOf(7 - i));
        }
        given().header("Authorization", "BeArEr    " + token)
                .get("/api/v1/sources")
                .then()
                .statusCode(429)
                .body("detail", containsString("with this token"));
    }

    @Test
    void failedAuthenticationsCountAgainstTheAddressAndAreRefusedBeforeTheLookUp() {
        String token = authenticatedToken(freshClock());
        for (int i = 1; i <= 5; i++) {
            given().header("Authorization", "Bearer hs_random" + i + "x" + System.nanoTime())
                    .get("/api/v1/sources")
                    .then()
                    .statusCode(401)
                    .header("RateLimit-Limit", "5")
                    .header("RateLimit-Remaining", String.valueOf(5 - i));
        }
        // Out of requests: a 429 is answered before authentication, so the token is never looked up.
        given().header("Authorization", "Bearer hs_random-" + System.nanoTime())
                .get("/api/v1/sources")
                .then()
                .statusCode(429)
                .body("detail", containsString("from this address"));
        AdminTokenByDefault.anonymous();
        given().get("/api/v1/sources").then().statusCode(429);
        // A token that has authenticated keeps its own bucket.
        given().header("Authorization", "Bearer " + token)
                .get("/api/v1/sources")
                .then()
                .statusCode(200)
                .header("RateLimit-Limit", "8");
    }

    @Test
    void pagesAreLimitedPerAddressButNotTheirFilesHealthOrTheApiDescription() {
        freshClock();
        AdminTokenByDefault.anonymous();
        String[] pages = {"/", "/desk/reviews", "/desk/speakers", "/digest/confirm/not-a-token", "/desk/no-such-page"};
        for (int i = 0; i < pages.length; i++) {
            given().get(pages[i]).then().header("RateLimit-Remaining", String.valueOf(4 - i));
        }
        for (String page : new String[] {"/", "/desk/forecasters", "/digest/unsubscribe/not-a-token"}) {
            given().accept("text/html")
                    .get(page)
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", "12")
                    .body("detail", containsString("5 requests a minute from this address"));
        }
        given().get("/desk/desk.js").then().statusCode(200).header("RateLimit-Limit", nullValue());
        given().get("/desk/desk.css").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    private static String newToken() {
        return given().contentType("application/json")
                .body(Map.of("name", "limited-" + System.nanoTime(), "roles", java.util.List.of("editor")))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }
}
