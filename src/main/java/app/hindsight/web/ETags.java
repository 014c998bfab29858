package app.hindsight.web;

/** ETags are the optimistic-lock version, quoted. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** 428 without If-Match, 412 when none of its tags is the current version. */
    public static void require(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiException.preconditionRequired();
        }
        check(ifMatch, version);
    }

    /**
     * Like {@link #require} when the header is present; no check without it. If-Match compares strongly
     * (RFC 9110 13.1.1): a weak tag never matches, so one is refused with a problem that says so rather than
     * a stale-ETag problem naming the very version the client sent.
     */
    public static void check(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String weak = null;
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                weak = weak == null ? t : weak;
            } else if (t.equals("*") || t.equals(of(version))) {
                return;
            }
        }
        throw weak != null ? ApiException.weakETag(weak) : ApiException.preconditionFailed(of(version));
    }
}
