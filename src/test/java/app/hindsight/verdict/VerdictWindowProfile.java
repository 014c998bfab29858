package app.hindsight.verdict;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The provisional verdicts' tests: the packaged window of 7 days (the other tests run with PT0S, final at once), and a
 * database of their own without seeds, as they move the clock and count every record.
 */
public class VerdictWindowProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:verdicts;DB_CLOSE_DELAY=-1",
                "hindsight.seed.enabled", "false",
                "hindsight.verdict.dispute-window", "P7D");
    }
}
