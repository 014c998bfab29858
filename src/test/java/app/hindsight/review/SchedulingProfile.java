package app.hindsight.review;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The scheduling tests move the clock years ahead, which would flag every other test's predictions: they get
 * a database of their own, without seeds.
 */
public class SchedulingProfile implements QuarkusTestProfile {

    /** With a trailing slash, as people write it: links must not get a double one. */
    public static final String PUBLIC_URL = "https://hindsight.example.org";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.url",
                "jdbc:h2:mem:scheduling;DB_CLOSE_DELAY=-1",
                "hindsight.seed.enabled",
                "false",
                "hindsight.public-url",
                PUBLIC_URL + "/");
    }
}
