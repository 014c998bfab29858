package app.hindsight.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import org.junit.jupiter.api.Test;

import app.hindsight.AdminTokenByDefault;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HomeTest {

    @Test
    void rootSendsPeopleToSwaggerUi() {
        AdminTokenByDefault.anonymous();
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/q/swagger-ui"));
        given().get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("swagger-ui"));
    }
}
