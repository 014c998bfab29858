package app.hindsight.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source's text as stored, its language (BCP 47, e.g. {@code zh-Hant}) and its segments. Quotes are spans of
 * {@code text}, so they stay verbatim. Build one with {@link #ofText} (plain text, headings and bullets read as
 * structure), {@link #ofPages} (a paged document, located by page) or {@link #ofCaptions} (VTT/SRT cues: the text is
 * the captions one to a line, each located by its start time).
 */
public record Transcript(String text, String lang, List<Segment> segments) {

    /** A speaker's turn starts a new flow: "Sam Altman: ...", "- ...", ">> ...". */
    private static final Pattern TURN =
            Pattern.compile("^(?:(\\p{L}[\\p{L}.'’ -]{0,30}?)[ \\t]*[：:][ \\t]+|-[ \\t]+|>>[ \\t]*)");

    public Transcript {
        segments = List.copyOf(segments);
    }

    /** Plain text; a byte-order mark is dropped, so store {@link #text()}, not the upload, for the offsets to hold. */
    public static Transcript ofText(String text, String lang) {
        String normalised = text.replace("\uFEFF", "");
        return new Transcript(normalised, lang, Segmenter.segment(normalised));
    }

    /**
     * Pages of a paged document (a PDF's text page by page), joined by blank lines; each page is segmented as plain
     * text and its locators start with the page number: {@code p. 3 › ¶2}, {@code p. 3 › §Title › Label}.
     */
    public static Transcript ofPages(List<String> pages, String lang) {
        StringBuilder text = new StringBuilder();
        List<Segment> segments = new ArrayList<>();
        for (int page = 0; page < pages.size(); page++) {
            if (page > 0) {
                text.append("\n\n");
            }
            int offset = text.length();
            String content = pages.get(page).replace("\uFEFF", "");
            text.append(content);
            int flows = segments.size();
            for (Segment segment : Segmenter.segment(content)) {
                segments.add(new Segment(
                        "p. " + (page + 1) + " › " + segment.locator(),
                        shift(segment.body(), offset),
                        segment.role(),
                        segment.labels().stream()
                                .map(label -> shift(label, offset))
                                .toList(),
                        flows + segment.flow()));
            }
        }
        return new Transcript(text.toString(), lang, segments);
    }

    private static Span shift(Span span, int offset) {
        return new Span(span.start() + offset, span.end() + offset);
    }

    /**
     * The captions' text, one caption to a line; consecutive captions run on as one text (a sentence may cross
     * them) until a speaker's turn starts a new one, and a speaker's name is a label, not part of a quote.
     */
    public static Transcript ofCaptions(List<Caption> captions, String lang) {
        StringBuilder text = new StringBuilder();
        List<Segment> segments = new ArrayList<>();
        int flow = -1;
        List<Span> labels = List.of();
        for (Caption caption : captions) {
            if (text.length() > 0) {
                text.append('\n');
            }
            int start = text.length();
            String said = caption.text();
            text.append(said);
            Matcher turn = TURN.matcher(said);
            if (turn.lookingAt() || flow < 0) {
                flow = segments.size();
                labels = List.of();
            }
            if (turn.lookingAt()) {
                if (turn.group(1) != null) {
                    labels = List.of(new Span(start + turn.start(1), start + turn.end(1)));
                }
                start += turn.end();
            }
            segments.add(new Segment(
                    caption.locator(), new Span(start, text.length()), Segment.Role.PARAGRAPH, labels, flow));
        }
        return new Transcript(text.toString(), lang, segments);
    }

    public String text(Span span) {
        return text.substring(span.start(), span.end());
    }
}
