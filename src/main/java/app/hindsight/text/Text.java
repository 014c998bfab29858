package app.hindsight.text;

import java.util.Locale;

/**
 * What text Hindsight takes in, wherever it comes from (a body's strings, a query parameter, a path segment), in one
 * place. Nowhere: U+0000, which PostgreSQL cannot store in text, and an unpaired surrogate, which is no character at
 * all. In a single line (names, titles, keys, labels, addresses): no control character of any kind, C0 (with tab,
 * CR and LF), DEL and C1, no line or paragraph separator, and no bidirectional embedding, override or isolate, which
 * could make the text around it read differently. In multi-line text (notes, quotes, criteria, descriptions): line
 * feeds, CR LF and tabs, and no other control character.
 *
 * <p>Each check answers why the text is refused, as a field error's message, or null when it is accepted.
 */
public final class Text {

    private Text() {}

    /** Refused anywhere: NUL, an unpaired surrogate. */
    public static String refusedAnywhere(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "must not contain U+0000 (null), at character " + position(s, i);
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c)
                        ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                        : false;
                if (!paired) {
                    return "must not contain an unpaired surrogate (" + hex(c) + ", at character " + position(s, i)
                            + "): it is not a character; send text as UTF-8";
                }
                i++;
            }
        }
        return null;
    }

    /** Why this is not one line of text, or null. */
    public static String refusedInLine(String s) {
        String anywhere = refusedAnywhere(s);
        if (anywhere != null) {
            return anywhere;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c) || c == '\u2028' || c == '\u2029') {
                return "must be a single line without control characters; it has " + named(c) + " at character "
                        + position(s, i);
            }
            if (isBidiControl(c)) {
                return "must not contain bidirectional formatting characters; it has " + named(c) + " at character "
                        + position(s, i);
            }
        }
        return null;
    }

    /** Why this is not multi-line text (line feeds, CR LF and tabs allowed), or null. */
    public static String refusedInText(String s) {
        String anywhere = refusedAnywhere(s);
        if (anywhere != null) {
            return anywhere;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lineBreak = c == '\n' || c == '\t' || (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n');
            if (isControl(c) && !lineBreak) {
                return "must not contain control characters other than line feeds (or CR LF) and tabs; it has "
                        + named(c) + " at character " + position(s, i);
            }
        }
        return null;
    }

    /** C0 (U+0000 to U+001F), DEL and C1 (U+0080 to U+009F). */
    static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    /** The embeddings and overrides (U+202A to U+202E) and isolates (U+2066 to U+2069); not the plain marks. */
    static boolean isBidiControl(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    /** "U+000A (line feed (lf))": the code point and, where Java knows it, its Unicode name. */
    private static String named(char c) {
        String name = Character.getName(c);
        return name == null ? hex(c) : hex(c) + " (" + name.toLowerCase(Locale.ROOT) + ")";
    }

    private static String hex(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }

    /** The 1-based position of the character at {@code index}, counted in code points as a person would. */
    private static int position(String s, int index) {
        return s.codePointCount(0, index) + 1;
    }
}
