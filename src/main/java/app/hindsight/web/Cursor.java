package app.hindsight.web;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.function.Function;

/**
 * Opaque keyset cursors: the id of the last item of a page, encoded so clients do not build them. A
 * tampered cursor is a 400, not a 500. A list kept in another order than its ids (observations by day, forecasts by
 * time) has a cursor with the last item's sort key and id: {@link #after(Object, long)}.
 */
public final class Cursor {

    private static final String PREFIX = "after:";

    private static final String POSITION_PREFIX = "at:";

    /** Where a page of a list kept by a sort key (a day, a time) and then id ends: the next starts after it. */
    public record Position<K>(K key, long id) {}

    private Cursor() {}

    public static String after(long id) {
        return encode(PREFIX + id);
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
        throw notOurs();
    }

    /** The cursor of a page that ends with the item that has this sort key (a day, an instant) and id. */
    public static String after(Object key, long id) {
        return encode(POSITION_PREFIX + key + "/" + id);
    }

    /**
     * The position a cursor of {@link #after(Object, long)} holds, its key read by {@code parse}; null without a
     * cursor.
     */
    public static <K> Position<K> position(String cursor, Function<String, K> parse) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            int slash = text.lastIndexOf('/');
            if (text.startsWith(POSITION_PREFIX) && slash > POSITION_PREFIX.length()) {
                K key = parse.apply(text.substring(POSITION_PREFIX.length(), slash));
                long id = Long.parseLong(text.substring(slash + 1));
                if (id >= 0) {
                    return new Position<>(key, id);
                }
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            // falls through to the problem below
        }
        throw notOurs();
    }

    /** A position in a list kept by day. */
    public static Position<LocalDate> dayPosition(String cursor) {
        return position(cursor, LocalDate::parse);
    }

    /** A position in a list kept by time. */
    public static Position<Instant> instantPosition(String cursor) {
        return position(cursor, Instant::parse);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static ApiException notOurs() {
        return ApiException.badRequest(
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
