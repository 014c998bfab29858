package app.hindsight.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The history names the seed loader, the scheduler and anonymous callers as actors; a token named like them would
 * make a person's edit look like theirs (and a seed revision would then overwrite it).
 */
@QuarkusTest
class ReservedTokenNamesTest {

    @Test
    void aTokenCannotTakeTheNameOfTheSeedsTheSchedulerOrAnonymous() {
        for (String name : List.of("seed", "scheduler", "anonymous", "Seed")) {
            given().contentType("application/json")
                    .body(Map.of("name", name, "roles", List.of("editor")))
                    .post("/api/v1/tokens")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("name"))
                    .body("errors[0].message", containsString("reserved"));
        }
    }
}
