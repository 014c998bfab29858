package app.hindsight.web;

/** A true-or-false query parameter: absent or empty is false; anything but true or false is a 400 naming it. */
public final class QueryFlag {

    /** The flag the figures take to count provisional verdicts too (they count FINAL ones only by default). */
    public static final String INCLUDE_PROVISIONAL = "includeProvisional";

    private QueryFlag() {}

    public static boolean parse(String name, String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiException.badRequest(name, "must be true or false");
    }
}
