package app.hindsight.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads WebVTT and SubRip (SRT) subtitles into captions. Both are blocks separated by blank lines, each with a
 * timing line {@code start --> end}; what follows the timing line is the text. VTT's voice tag {@code <v Name>}
 * becomes a "Name: " label; other markup (&lt;i&gt;, &lt;c.x&gt;, inline timestamps) is dropped. NOTE, STYLE and
 * REGION blocks, cue identifiers and SRT's numbers are skipped. Blocks without a timing line are ignored.
 */
public final class CaptionParser {

    private static final Pattern TIMING =
            Pattern.compile("^\\s*(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{2})(?:[.,](\\d{1,3}))?\\s*-->");
    private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^ >]*)?\\s+([^>]+)>");
    private static final Pattern TAG = Pattern.compile("</?[^>]*>");

    private CaptionParser() {}

    /** The captions in file order; an empty list when there is no timing line at all. */
    public static List<Caption> parse(String subtitles) {
        List<Caption> captions = new ArrayList<>();
        String[] lines = subtitles.replace("\uFEFF", "").split("\\r\\n|\\r|\\n", -1);
        Duration start = null;
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            Matcher timing = TIMING.matcher(line);
            if (timing.find()) {
                add(captions, start, text);
                start = duration(timing);
                text.setLength(0);
            } else if (line.isBlank()) {
                add(captions, start, text);
                start = null;
                text.setLength(0);
            } else if (start != null) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(clean(line));
            }
        }
        add(captions, start, text);
        return captions;
    }

    private static void add(List<Caption> captions, Duration start, StringBuilder text) {
        String said = text.toString().strip();
        if (start != null && !said.isEmpty()) {
            captions.add(new Caption(start, said));
        }
    }

    private static String clean(String line) {
        String voiced = VOICE.matcher(line).replaceAll("$1: ");
        return TAG.matcher(voiced)
                .replaceAll("")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&nbsp;", " ");
    }

    private static Duration duration(Matcher timing) {
        long hours = timing.group(1) == null ? 0 : Long.parseLong(timing.group(1));
        long millis = timing.group(4) == null ? 0 : Long.parseLong((timing.group(4) + "00").substring(0, 3));
        return Duration.ofHours(hours)
                .plusMinutes(Long.parseLong(timing.group(2)))
                .plusSeconds(Long.parseLong(timing.group(3)))
                .plusMillis(millis);
    }
}
