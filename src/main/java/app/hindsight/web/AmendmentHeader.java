package app.hindsight.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import app.hindsight.shared.InvalidInput;
import app.hindsight.text.Text;

/**
 * The {@code Hindsight-Amendment} header: why an edit amends a prediction, for clients that cannot add the
 * {@code amendment} field to the body. Header values are ASCII, so the reason is percent-encoded UTF-8 (a plus is a
 * plus, not a space); once decoded it is one line of at most 1000 characters, like the field.
 */
public final class AmendmentHeader {

    public static final String NAME = "Hindsight-Amendment";

    private static final int MAX = 1000;

    private AmendmentHeader() {}

    /** The decoded reason; null when the header is absent or blank; a 400 naming the header when it is malformed. */
    public static String decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                int hi = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(value.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw refused("has a % not followed by two hex digits at position " + (i + 1));
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0x7e) {
                throw refused("must be percent-encoded UTF-8 (ASCII only)");
            } else {
                bytes.write(c);
            }
        }
        String reason;
        try {
            reason = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString()
                    .strip();
        } catch (CharacterCodingException e) {
            throw refused("is not percent-encoded UTF-8");
        }
        String wrong = Text.refusedInLine(reason);
        if (wrong != null) {
            throw refused(wrong);
        }
        if (reason.length() > MAX) {
            throw refused("must be at most " + MAX + " characters once decoded");
        }
        return reason.isEmpty() ? null : reason;
    }

    private static InvalidInput refused(String why) {
        return InvalidInput.of(NAME, why);
    }
}
