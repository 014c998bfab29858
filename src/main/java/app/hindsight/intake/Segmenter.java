package app.hindsight.intake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits plain text into segments with locators. It reads the light structure that transcripts and their summaries
 * carry: Markdown-style headings ({@code #### **5. Title**} or a line that is bold alone) open a section
 * {@code §5 Title}; bullets and paragraphs are segments, named by their bold or speaker label ({@code **Label:**},
 * {@code Sam Altman:}) as {@code §5 Title › Label} or else by their number in the section ({@code §5 Title › ¶3},
 * {@code ¶3} before any heading); a line starting with a time stamp ({@code 00:12:41} or {@code [12:41]}) is
 * located by it. A nested bullet inherits its parents' labels and, without one of its own, names itself by theirs.
 */
final class Segmenter {

    private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.*?)[ \\t#]*$");
    private static final Pattern BOLD_LINE = Pattern.compile("^\\s*(\\*\\*|__)(.+)\\1\\s*$");
    private static final Pattern RULE = Pattern.compile("^\\s*(?:-{3,}|\\*{3,}|_{3,}|={3,})\\s*$");
    private static final Pattern ITEM = Pattern.compile("^([ \\t]*)(?:[*+\\-•·]|\\d{1,3}[.)])[ \\t]+");
    private static final Pattern BOLD_LABEL =
            Pattern.compile("^(?:\\*\\*|__)([^*_\\n]{1,60}?)\\s*(?:[：:](?:\\*\\*|__)|(?:\\*\\*|__)\\s*[：:])[ \\t]*");
    private static final Pattern SPEAKER_LABEL = Pattern.compile(
            "^(\\p{Lu}[\\p{L}.'’-]*(?:[ ]+[\\p{L}.'’-]+){0,2}|[^\\s\\p{Punct}，。：！？「」]{1,10})[ \\t]*[：:][ \\t]+(?=\\S)");
    private static final Pattern TIME_STAMP =
            Pattern.compile("^\\[?((?:\\d{1,2}:)?\\d{1,2}:\\d{2})(?:[.,]\\d{1,3})?\\]?[ \\t]+(?=\\S)");
    private static final Pattern NUMBERED_TITLE = Pattern.compile("^(\\d{1,3})[.、)]\\s*(.+)$");

    private record Frame(int indent, Span label) {}

    private final String text;
    private final List<Segment> segments = new ArrayList<>();
    private final Deque<Frame> items = new ArrayDeque<>();
    private String section;
    private int paragraph;
    private OpenSegment open;

    private Segmenter(String text) {
        this.text = text;
    }

    static List<Segment> segment(String text) {
        Segmenter segmenter = new Segmenter(text);
        segmenter.run();
        return List.copyOf(segmenter.segments);
    }

    private void run() {
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            int contentEnd = lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            line(lineStart, contentEnd);
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        close();
    }

    private void line(int start, int end) {
        String line = text.substring(start, end);
        if (line.isBlank()) {
            close();
            return;
        }
        Matcher heading = ATX_HEADING.matcher(line);
        Matcher item = ITEM.matcher(line);
        if (RULE.matcher(line).matches()) {
            close();
            items.clear();
        } else if (heading.matches()
                || (!item.lookingAt() && BOLD_LINE.matcher(line).matches())) {
            close();
            items.clear();
            heading(
                    heading.matches()
                            ? trimMarkup(start + heading.start(1), start + heading.end(1))
                            : trimMarkup(start, end));
        } else if (item.lookingAt()) {
            close();
            int indent = columns(item.group(1));
            while (!items.isEmpty() && items.peek().indent() >= indent) {
                items.pop();
            }
            startSegment(start + item.end(), end, indent);
        } else if (open != null && !startsTurn(line.stripLeading())) {
            open.end = end;
        } else {
            close();
            if (!Character.isWhitespace(line.charAt(0))) {
                items.clear();
            }
            startSegment(start, end, -1);
        }
    }

    /** A label or a time stamp starts a new segment even without a blank line before it. */
    private static boolean startsTurn(String line) {
        return BOLD_LABEL.matcher(line).lookingAt()
                || SPEAKER_LABEL.matcher(line).lookingAt()
                || TIME_STAMP.matcher(line).lookingAt();
    }

    private void heading(Span title) {
        String words = clean(title);
        Matcher numbered = NUMBERED_TITLE.matcher(words);
        section = "§" + (numbered.matches() ? numbered.group(1) + " " + numbered.group(2) : words);
        paragraph = 0;
        segments.add(new Segment(section, title, Segment.Role.HEADING, List.of(), segments.size()));
    }

    /** Opens a bullet ({@code indent >= 0}) or a paragraph at {@code [start, end)}, its label and stamp taken off. */
    private void startSegment(int start, int end, int indent) {
        String rest = text.substring(start, end);
        String stamp = null;
        Span label = null;
        Matcher time = TIME_STAMP.matcher(rest);
        if (time.lookingAt()) {
            stamp = Caption.format(time.group(1));
            start += time.end();
            rest = text.substring(start, end);
        }
        Matcher bold = BOLD_LABEL.matcher(rest);
        Matcher speaker = SPEAKER_LABEL.matcher(rest);
        if (bold.lookingAt()) {
            label = trimMarkup(start + bold.start(1), start + bold.end(1));
            start += bold.end();
        } else if (speaker.lookingAt()) {
            label = new Span(start + speaker.start(1), start + speaker.end(1));
            start += speaker.end();
        }
        List<Span> labels = new ArrayList<>();
        items.descendingIterator().forEachRemaining(frame -> {
            if (frame.label() != null) {
                labels.add(frame.label());
            }
        });
        if (label != null) {
            labels.add(label);
        }
        if (indent >= 0) {
            items.push(new Frame(indent, label));
        }
        if (start >= end || text.substring(start, end).isBlank()) {
            if (label != null) {
                segments.add(new Segment(locator(null, label), label, Segment.Role.HEADING, labels, segments.size()));
            }
            return;
        }
        open = new OpenSegment(start, end, stamp, labels, indent >= 0);
    }

    private void close() {
        if (open == null) {
            return;
        }
        paragraph++;
        Span innermost = open.labels.isEmpty() ? null : open.labels.get(open.labels.size() - 1);
        String locator = open.stamp != null ? open.stamp : locator(paragraph, innermost);
        Span body = trim(open.start, open.end);
        Segment.Role role = open.item ? Segment.Role.ITEM : Segment.Role.PARAGRAPH;
        segments.add(new Segment(locator, body, role, open.labels, segments.size()));
        open = null;
    }

    private String locator(Integer number, Span label) {
        String last = label != null ? clean(label) : "¶" + number;
        return section == null ? last : section + " › " + last;
    }

    private String clean(Span span) {
        return text.substring(span.start(), span.end())
                .replaceAll("\\*\\*|__", "")
                .replaceAll("[：:]\\s*$", "")
                .strip();
    }

    private Span trimMarkup(int start, int end) {
        while (start < end && (Character.isWhitespace(text.charAt(start)) || isMarkup(text.charAt(start)))) {
            start++;
        }
        while (end > start && (Character.isWhitespace(text.charAt(end - 1)) || isMarkup(text.charAt(end - 1)))) {
            end--;
        }
        return new Span(start, end);
    }

    private Span trim(int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Span(start, end);
    }

    private static boolean isMarkup(char c) {
        return c == '*' || c == '_' || c == '#';
    }

    private static int columns(String indent) {
        return indent.replace("\t", "    ").length();
    }

    private static final class OpenSegment {
        final int start;
        int end;
        final String stamp;
        final List<Span> labels;
        final boolean item;

        OpenSegment(int start, int end, String stamp, List<Span> labels, boolean item) {
            this.start = start;
            this.end = end;
            this.stamp = stamp;
            this.labels = labels;
            this.item = item;
        }
    }
}
