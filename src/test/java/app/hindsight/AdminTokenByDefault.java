package app.hindsight;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Tests act as the admin unless they say otherwise: a request with its own Authorization header keeps it,
 * and {@link #anonymous()} makes the rest of a test send none.
 */
public class AdminTokenByDefault implements QuarkusTestBeforeEachCallback {

    public static final String ADMIN_TOKEN = "test-admin-token";

    private static volatile boolean anonymous;

    private static final Filter ADD_ADMIN_TOKEN = (request, response, context) -> {
        if (!anonymous && !request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", "Bearer " + ADMIN_TOKEN);
        }
        return context.next(request, response);
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        anonymous = false;
        if (!RestAssured.filters().contains(ADD_ADMIN_TOKEN)) {
            RestAssured.filters(ADD_ADMIN_TOKEN);
        }
    }

    /** From here to the end of the test, requests carry no token unless they add one. */
    public static void anonymous() {
        anonymous = true;
    }

    /** Runs set-up steps as the admin in a test that otherwise calls anonymously. */
    public static <T> T asAdmin(java.util.function.Supplier<T> steps) {
        boolean was = anonymous;
        anonymous = false;
        try {
            return steps.get();
        } finally {
            anonymous = was;
        }
    }
}
