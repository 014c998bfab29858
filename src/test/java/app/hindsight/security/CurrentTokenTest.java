package app.hindsight.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** GET /tokens/current: whose a token is, for the desk's token panel; any valid token, never anonymous. */
@QuarkusTest
class CurrentTokenTest {

    @Test
    void aTokenSaysItsNameAndItsRolesImpliedOnesIncluded() {
        String name = "cur-" + TestData.uid();
        String secret = given().contentType("application/json")
                .body(Map.of("name", name, "roles", List.of("reviewer")))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        AdminTokenByDefault.anonymous();
        given().header("Authorization", "Bearer " + secret)
                .get("/api/v1/tokens/current")
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("roles", contains("reader", "reviewer"));
    }

    @Test
    void withoutAValidTokenItIsA401ProblemThatSaysWhy() {
        AdminTokenByDefault.anonymous();
        given().get("/api/v1/tokens/current")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("send an API token: Authorization: Bearer <token>"));
        given().header("Authorization", "Bearer hs_no-such-token")
                .get("/api/v1/tokens/current")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Unauthorized"))
                .body("detail", equalTo("the bearer token is unknown or revoked"));
    }
}
