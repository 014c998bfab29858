package app.hindsight.calendar;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;

/**
 * Writes a calendar as RFC 5545 text: CRLF line endings and content lines folded at 75 octets.
 *
 * <p>ical4j's {@code CalendarOutputter} folds at 73 <em>characters</em> (UTF-16 units), so a line of
 * Chinese text (the seeds' quotes) comes out at over 200 octets, and a fold may fall between the two halves
 * of a surrogate pair. ical4j's {@code toString()} gives the unfolded lines with values already escaped;
 * this class folds them by octets, only between code points, one component at a time.
 */
final class IcsWriter {

    /** RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
    static final int MAX_OCTETS = 75;

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] FOLD = {'\r', '\n', ' '};

    private IcsWriter() {}

    static void write(Calendar calendar, OutputStream out) throws IOException {
        line(out, "BEGIN:VCALENDAR");
        for (Property p : calendar.getProperties()) {
            lines(out, p.toString());
        }
        for (Component c : calendar.getComponents()) {
            lines(out, c.toString());
        }
        line(out, "END:VCALENDAR");
    }

    /** ical4j's text of a property or component: unfolded lines, each ended by CRLF. */
    private static void lines(OutputStream out, String text) throws IOException {
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf("\r\n", start);
            if (end < 0) {
                end = text.length();
            }
            line(out, text.substring(start, end));
            start = end + 2;
        }
    }

    /** One content line, folded: the first part at most 75 octets, each continuation a space and 74. */
    static void line(OutputStream out, String line) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        int used = 0;
        int i = 0;
        while (i < bytes.length) {
            int size = sequenceLength(bytes[i]);
            if (used + size > MAX_OCTETS) {
                out.write(FOLD);
                used = 1;
            }
            out.write(bytes, i, size);
            used += size;
            i += size;
        }
        out.write(CRLF);
    }

    /** Octets of the UTF-8 sequence that starts with this byte (Java's encoder only makes valid ones). */
    private static int sequenceLength(byte lead) {
        int b = lead & 0xFF;
        if (b < 0x80) {
            return 1;
        }
        if (b >= 0xF0) {
            return 4;
        }
        if (b >= 0xE0) {
            return 3;
        }
        return 2;
    }
}
