package app.hindsight;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A first start configured as production would be: no admin token given (one is generated into the data folder),
 * anonymous reads off, a CORS allow-list, and the database in a file in a data folder that does not exist yet.
 */
public class ProductionLikeProfile implements QuarkusTestProfile {

    public static final Path DATA =
            Path.of("target", "production-like-" + ProcessHandle.current().pid());
    public static final Path LOG = DATA.resolve("hindsight.log");
    public static final String ALLOWED_ORIGIN = "https://desk.example.org";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.url",
                "jdbc:h2:file:./" + DATA + "/hindsight;DB_CLOSE_ON_EXIT=FALSE",
                "hindsight.auth.admin-token",
                "",
                "hindsight.data-dir",
                "./" + DATA,
                "hindsight.auth.anonymous-read",
                "false",
                "quarkus.http.cors.enabled",
                "true",
                "quarkus.http.cors.origins",
                ALLOWED_ORIGIN,
                "quarkus.log.file.enabled",
                "true",
                "quarkus.log.file.path",
                LOG.toString());
    }
}
