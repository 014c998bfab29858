package app.hindsight;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts Quarkus after one setting that must exist before it does: Quarkus's HTTP layer checks every request
 * target with java.net.URI and answers a malformed one (e.g. {@code ?q=%zz}) with an empty 400 before any
 * application code runs. Switched off here, so that {@link app.hindsight.web.RequestGuard} makes the same check and
 * answers with a problem document. Read once, when Quarkus's HTTP recorder loads; the tests set it in the build.
 */
@QuarkusMain
public final class Main {

    static final String URI_VALIDATION = "vertx.disableURIValidation";

    // Package-private, not private: Quarkus makes a bean of a @QuarkusMain class and warns at every build about a
    // private constructor, which it would have to reach by reflection.
    Main() {}

    public static void main(String... args) {
        if (System.getProperty(URI_VALIDATION) == null) {
            System.setProperty(URI_VALIDATION, "true");
        }
        Quarkus.run(args);
    }
}
