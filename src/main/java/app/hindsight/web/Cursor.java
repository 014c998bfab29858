package app.hindsight.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset cursors: the id of the last item of a page, encoded so clients do not build them. A
 * tampered cursor is a 400, not a 500.
 */
public final class Cursor {

    private static final String PREFIX = "after:";

    private Cursor() {}

    public static String after(long id) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The id after which the page starts; 0 without a cursor. */
    public static long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                long id = Long.parseLong(text.substring(PREFIX.length()));
                if (id >= 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw ApiException.badRequest(
                "cursor", "not a cursor this service issued; use nextCursor from a previous page");
    }

    public static int limit(String value, int defaultLimit, int max) {
        if (value == null || value.isEmpty()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw ApiException.badRequest("limit", "must be a whole number from 1 to " + max);
    }
}
