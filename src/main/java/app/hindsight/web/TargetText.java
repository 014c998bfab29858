package app.hindsight.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import app.hindsight.shared.FieldError;
import app.hindsight.text.Text;

/**
 * The text in a request target, decoded as the resources will see it: each query parameter's name and value, and the
 * path. Percent-encodings must be UTF-8, strictly (no stray continuation byte such as {@code %FF}, no overlong form,
 * no encoded surrogate), where a lenient decoder would make U+FFFD of them; and what they decode to must be a single
 * line of text ({@link Text#refusedInLine}): no NUL, no control character. A parameter is named in the refusal, or
 * "path", or "query" for a parameter whose name is itself refused.
 */
final class TargetText {

    private TargetText() {}

    /**
     * What is wrong with the text of this target, or null. The target is printable ASCII and a valid URI already
     * (RequestGuard#targetProblem), so every % starts two hex digits.
     */
    static FieldError problem(String target) {
        int end = target.indexOf('#');
        if (end >= 0) {
            target = target.substring(0, end);
        }
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String refusal = refusal(path, false);
        if (refusal != null) {
            return new FieldError("path", refusal);
        }
        if (question < 0) {
            return null;
        }
        for (String pair : target.substring(question + 1).split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String nameRefusal = refusal(rawName, true);
            if (nameRefusal != null) {
                return new FieldError("query", "a parameter's name " + nameRefusal);
            }
            if (equals >= 0) {
                String valueRefusal = refusal(pair.substring(equals + 1), true);
                if (valueRefusal != null) {
                    String name = decode(rawName, true).text;
                    return new FieldError(name.isEmpty() ? "query" : name, valueRefusal);
                }
            }
        }
        return null;
    }

    /** Why this part of the target is refused, or null. */
    static String refusal(String raw, boolean form) {
        Decoded decoded = decode(raw, form);
        if (decoded.text == null) {
            return "is not UTF-8: the percent-encoding at character " + (decoded.badAt + 1) + " ("
                    + raw.substring(decoded.badAt, Math.min(raw.length(), decoded.badAt + 3))
                    + ") is not part of a valid UTF-8 sequence; é, for one, is %C3%A9";
        }
        return Text.refusedInLine(decoded.text);
    }

    /** The text, or null and the index in {@code raw} of the percent-encoding that is not UTF-8. */
    private record Decoded(String text, int badAt) {}

    /** In a query ({@code form}), + is a space, as an HTML form sends it. */
    private static Decoded decode(String raw, boolean form) {
        if (raw.indexOf('%') < 0) {
            return new Decoded(form ? raw.replace('+', ' ') : raw, -1);
        }
        byte[] bytes = new byte[raw.length()];
        int[] from = new int[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            from[n] = i;
            if (c == '%' && i + 2 < raw.length()) {
                bytes[n++] = (byte) Integer.parseInt(raw, i + 1, i + 3, 16);
                i += 2;
            } else {
                bytes[n++] = (byte) (form && c == '+' ? ' ' : c);
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, n);
        CharBuffer out = CharBuffer.allocate(n);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return new Decoded(null, from[in.position()]);
        }
        decoder.flush(out);
        return new Decoded(out.flip().toString(), -1);
    }
}
