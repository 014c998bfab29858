package app.hindsight.shared;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The roles a token can carry. Every token may read; admin implies every role. Reads are also open to
 * anonymous callers while hindsight.auth.anonymous-read is true.
 */
public final class Roles {

    public static final String READER = "reader";
    public static final String EDITOR = "editor";
    public static final String REVIEWER = "reviewer";
    /** Records probabilities on predictions (forecasts), scored once they resolve. */
    public static final String FORECASTER = "forecaster";

    public static final String ADMIN = "admin";

    public static final Set<String> ALL = Set.of(READER, EDITOR, REVIEWER, FORECASTER, ADMIN);

    /** Every role as a regular expression, for Bean Validation's {@code @Pattern} on a role a request names. */
    public static final String ONE_OF = READER + "|" + EDITOR + "|" + REVIEWER + "|" + FORECASTER + "|" + ADMIN;

    /** What a request that names another role hears. */
    public static final String ONE_OF_MESSAGE =
            "must be " + READER + ", " + EDITOR + ", " + REVIEWER + ", " + FORECASTER + " or " + ADMIN;

    private Roles() {}

    /** The roles a token with these granted roles holds once implications are applied. */
    public static Set<String> effective(Set<String> granted) {
        Set<String> roles = new LinkedHashSet<>();
        roles.add(READER);
        for (String role : granted) {
            String r = role.toLowerCase(Locale.ROOT);
            roles.add(r);
            if (r.equals(ADMIN)) {
                roles.addAll(ALL);
            }
        }
        return roles;
    }
}
