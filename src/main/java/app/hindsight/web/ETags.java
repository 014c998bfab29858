package app.hindsight.web;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.hindsight.shared.ExpectedVersion;

/** ETags are the optimistic-lock version, quoted; If-Match is read into the versions a client expects. */
public final class ETags {

    /** The tags this service issues: a version, quoted, as {@link #of} writes it. */
    private static final Pattern ISSUED = Pattern.compile("\"(0|[1-9][0-9]{0,17})\"");

    private ETags() {}

    public static String of(long version) {
        return ExpectedVersion.tag(version);
    }

    /**
     * As {@link #expected}, for a write that needs If-Match: 428 without one, and with {@code *}, which matches
     * whatever version is stored and so would not stop a lost update.
     */
    public static ExpectedVersion required(String ifMatch) {
        ExpectedVersion expected = expected(ifMatch);
        if (expected == null) {
            throw ApiException.preconditionRequired();
        }
        if (expected.anyVersion()) {
            throw ApiException.preconditionRequired(
                    "If-Match: * matches any version; send the ETag from a GET of this prediction");
        }
        return expected;
    }

    /**
     * The versions If-Match accepts, or null without the header (no check then). {@code *} accepts any; a tag this
     * service never issued matches nothing. If-Match compares strongly (RFC 9110 13.1.1): a weak tag never
     * matches, and the first one is kept so that a refusal can say so. An unquoted tag is a 400.
     */
    /**
     * An entity tag is quoted (RFC 9110 8.8.3): {@code If-Match: 0} is not one, and compared as if it were it would
     * be a 412 saying the version changed, which sends the client looking for a change that never happened.
     */
    private static ApiException unquoted(String tag) {
        String example = tag.matches("[0-9]{1,18}") ? "\"" + tag + "\"" : "\"3\"";
        return ApiException.badRequest(
                "If-Match",
                "'" + tag
                        + "' is not an entity tag: ETags are quoted, send it as the ETag header gave it, e.g. If-Match: "
                        + example);
    }

    public static ExpectedVersion expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        boolean any = false;
        Set<Long> versions = new HashSet<>();
        String weak = null;
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            Matcher issued = ISSUED.matcher(t);
            if (t.startsWith("W/")) {
                weak = weak == null ? t : weak;
            } else if (t.equals("*")) {
                any = true;
            } else if (issued.matches()) {
                versions.add(Long.parseLong(issued.group(1)));
            } else if (!t.startsWith("\"")) {
                throw unquoted(t);
            }
        }
        return new ExpectedVersion(any, versions, weak);
    }
}
