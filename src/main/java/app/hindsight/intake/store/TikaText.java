package app.hindsight.intake.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The text of the XHTML that Tika's parsers write, as the segmenter reads plain text: a heading ({@code h1}-{@code
 * h6}) becomes a {@code ####} line, a paragraph, list item or table row its own paragraph, and a PDF's pages ({@code
 * div class="page"}) stay apart. Stops with {@link Overflow} once the text passes its cap.
 */
final class TikaText extends DefaultHandler {

    private static final Set<String> BLOCKS =
            Set.of("p", "div", "li", "tr", "blockquote", "pre", "dd", "dt", "section", "article");
    private static final Pattern HEADING = Pattern.compile("h[1-6]");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*(?:\\n[ \\t\\x0B\\f\\r]*)+");

    /** Thrown through the parser once the text has more characters than its cap. */
    static final class Overflow extends SAXException {
        Overflow() {
            super("transcript text over its cap");
        }
    }

    private final long max;
    private final List<StringBuilder> pages = new ArrayList<>();
    private StringBuilder current = new StringBuilder();
    private long length;
    private boolean paged;
    /** Only the body counts: the head's title and metadata are not said. */
    private boolean inBody;

    TikaText(long max) {
        this.max = max;
        pages.add(current);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        String name = localName.toLowerCase(Locale.ROOT);
        if (name.equals("body")) {
            inBody = true;
        }
        if (!inBody) {
            return;
        }
        if (name.equals("div") && "page".equals(attributes.getValue("class"))) {
            if (!paged) {
                paged = true;
                current.setLength(0);
            } else {
                current = new StringBuilder();
                pages.add(current);
            }
        } else if (HEADING.matcher(name).matches()) {
            append("\n\n#### ");
        } else if (name.equals("li")) {
            append("\n\n- ");
        } else if (name.equals("br")) {
            append("\n");
        } else if (BLOCKS.contains(name)) {
            append("\n\n");
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        String name = localName.toLowerCase(Locale.ROOT);
        if (name.equals("body")) {
            inBody = false;
        }
        if (!inBody) {
            return;
        }
        if (HEADING.matcher(name).matches() || BLOCKS.contains(name)) {
            append("\n\n");
        } else if (name.equals("td") || name.equals("th")) {
            append(" ");
        }
    }

    @Override
    public void characters(char[] ch, int start, int count) throws SAXException {
        if (inBody) {
            append(new String(ch, start, count).replace('\u00A0', ' '));
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int count) throws SAXException {
        characters(ch, start, count);
    }

    private void append(String s) throws SAXException {
        length += s.length();
        if (length > max) {
            throw new Overflow();
        }
        current.append(s);
    }

    /** The text, paragraphs one blank line apart. */
    String text() {
        return String.join("\n\n", pages());
    }

    /** Each page's text (one page for a document without pages). */
    List<String> pages() {
        return pages.stream().map(TikaText::tidy).toList();
    }

    private static String tidy(StringBuilder page) {
        return BLANK_LINES.matcher(page).replaceAll("\n\n").strip();
    }

    static boolean overflowed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Overflow) {
                return true;
            }
        }
        return false;
    }
}
