package app.hindsight.intake.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The media types a transcript is taken in, and how each is read. */
public enum TranscriptFormat {
    PLAIN("text/plain"),
    VTT("text/vtt"),
    SRT("application/x-subrip"),
    HTML("text/html"),
    PDF("application/pdf"),
    DOCX(DocxText.MEDIA_TYPE);

    public final String mediaType;

    TranscriptFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The format of a Content-Type (parameters aside, case ignored), if taken. */
    public static Optional<TranscriptFormat> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(type)).findFirst();
    }

    /** Whether the body is text whose charset the Content-Type names (UTF-8 is the only one taken). */
    public boolean isText() {
        return this == PLAIN || this == VTT || this == SRT;
    }

    /** "text/plain, text/vtt, ... or application/pdf", for a refusal. */
    public static String names() {
        String all = Arrays.stream(values()).map(f -> f.mediaType).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
