package app.hindsight.intake.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The text of a Word document (DOCX, Office Open XML): the paragraphs of {@code word/document.xml}, those styled as a
 * heading or title kept as headings, read with the JDK's zip and SAX parsers into a {@link TikaText} like HTML.
 *
 * <p>Why not Tika's Microsoft module: it brings Apache POI and its dependencies (about 40 MB of jars) to read what is,
 * for a transcript, runs of text in paragraphs. Tables, footnotes, comments and text boxes are not read; neither are
 * the old binary .doc files. The zip is read with bounds: one entry at most {@link #maxXml} bytes once inflated, and
 * the XML may declare no DTD (no entities, so no billion laughs and no external files).
 */
final class DocxText {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final String DOCUMENT = "word/document.xml";
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final Pattern HEADING_STYLE = Pattern.compile("(?i)(heading|title|subtitle).*");

    private DocxText() {}

    /** Thrown when the document is not a DOCX this can read; the message says why. */
    static final class Unreadable extends Exception {
        Unreadable(String why) {
            super(why);
        }
    }

    /** The document's text, at most {@code maxChars} characters ({@link TikaText.Overflow} past it). */
    static TikaText read(byte[] docx, long maxChars) throws Unreadable, SAXException {
        byte[] xml = document(docx, maxXml(maxChars));
        TikaText text = new TikaText(maxChars);
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newSAXParser().parse(new ByteArrayInputStream(xml), new Paragraphs(text));
        } catch (TikaText.Overflow e) {
            throw e;
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new Unreadable("its word/document.xml is not well-formed XML");
        }
        return text;
    }

    /** Markup takes room: a document's XML is allowed twenty times the text's cap, and 64 MB at least. */
    static long maxXml(long maxChars) {
        return Math.max(64L << 20, 20 * maxChars);
    }

    private static byte[] document(byte[] docx, long max) throws Unreadable {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals(DOCUMENT)) {
                    return bounded(zip, max);
                }
            }
        } catch (IOException e) {
            throw new Unreadable("it is not a zip archive");
        }
        throw new Unreadable("it has no " + DOCUMENT + " (not a Word document?)");
    }

    private static byte[] bounded(InputStream in, long max) throws IOException, Unreadable {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > max) {
                throw new Unreadable(DOCUMENT + " inflates to more than " + max + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Each w:p becomes an XHTML paragraph (or heading) for {@link TikaText}: its runs' text, tabs and breaks. */
    private static final class Paragraphs extends DefaultHandler {
        private static final Attributes NONE = new AttributesImpl();

        private final TikaText out;
        private final StringBuilder paragraph = new StringBuilder();
        private boolean heading;
        private boolean inText;

        Paragraphs(TikaText out) {
            this.out = out;
        }

        @Override
        public void startDocument() throws SAXException {
            out.startElement("", "body", "body", NONE);
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes attributes) {
            if (!W.equals(uri)) {
                return;
            }
            switch (local) {
                case "p" -> {
                    paragraph.setLength(0);
                    heading = false;
                }
                case "pStyle" -> {
                    String style = attributes.getValue(W, "val");
                    heading = style != null && HEADING_STYLE.matcher(style).matches();
                }
                case "t" -> inText = true;
                case "tab" -> paragraph.append(' ');
                case "br", "cr" -> paragraph.append('\n');
                default -> {}
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) throws SAXException {
            if (!W.equals(uri)) {
                return;
            }
            if (local.equals("t")) {
                inText = false;
            } else if (local.equals("p") && !paragraph.toString().isBlank()) {
                String element = heading ? "h2" : "p";
                out.startElement("", element, element, NONE);
                out.characters(paragraph.toString().toCharArray(), 0, paragraph.length());
                out.endElement("", element, element);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                paragraph.append(ch, start, length);
            }
        }
    }
}
