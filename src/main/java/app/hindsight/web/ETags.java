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

    /** Like {@link #require} when the header is present; no check without it. */
    public static void check(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(of(version))) {
                return;
            }
        }
        throw ApiException.preconditionFailed(of(version));
    }
}
