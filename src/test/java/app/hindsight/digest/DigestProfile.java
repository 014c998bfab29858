package app.hindsight.digest;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The digest tests move the clock and read every mail: a database of their own without seeds, and an SMTP server
 * (GreenMail) instead of the log.
 */
public class DigestProfile implements QuarkusTestProfile {

    public static final String PUBLIC_URL = "https://hindsight.example.org";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:digest;DB_CLOSE_DELAY=-1",
                "hindsight.seed.enabled", "false",
                "hindsight.public-url", PUBLIC_URL);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailResource.class));
    }
}
