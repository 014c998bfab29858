package app.hindsight.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * NDJSON read from a stream a line at a time: memory holds the longest line and a read buffer, not the body. A line is
 * what lies between line feeds; the text after the last one is a line when it is not empty.
 */
public final class NdjsonLines {

    private NdjsonLines() {}

    /** Called with each line's bytes (valid only during the call, without the line feed) and its number from 1. */
    @FunctionalInterface
    public interface Handler {
        void line(byte[] bytes, int offset, int length, int number);
    }

    public static void read(InputStream in, Handler handler) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int start = 0; // the current line's first byte
        int length = 0; // bytes read into the buffer
        int scan = 0; // where to look for the next line feed
        int number = 0;
        boolean end = false;
        for (; ; ) {
            int feed = -1;
            for (int i = scan; i < length; i++) {
                if (buffer[i] == '\n') {
                    feed = i;
                    break;
                }
            }
            if (feed >= 0) {
                handler.line(buffer, start, feed - start, ++number);
                start = scan = feed + 1;
                continue;
            }
            if (end) {
                if (start < length) {
                    handler.line(buffer, start, length - start, ++number);
                }
                return;
            }
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, length - start);
                length -= start;
                start = 0;
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            scan = length;
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                end = true;
            } else {
                length += n;
            }
        }
    }
}
