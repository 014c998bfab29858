package app.hindsight.intake.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.xml.sax.SAXException;

import app.hindsight.HindsightConfig;
import app.hindsight.intake.CaptionParser;
import app.hindsight.intake.Transcript;
import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.TooLarge;

/**
 * Reads an upload into the transcript the rules read: UTF-8 text as it is, VTT and SRT as captions located by their
 * start time, HTML and PDF through Apache Tika (headings kept as headings, a PDF located by page), DOCX through
 * {@link DocxText}. Nothing is fetched: Tika's parsers are called directly, never its auto-detection or external
 * tools.
 */
@ApplicationScoped
public class TranscriptReader {

    @Inject
    HindsightConfig config;

    public Transcript read(TranscriptFormat format, byte[] body, String lang) {
        if (body == null || body.length == 0) {
            throw InvalidInput.of("body", "is empty; send the transcript");
        }
        Transcript transcript = switch (format) {
            case PLAIN -> Transcript.ofText(utf8(body), lang);
            case VTT, SRT -> captions(utf8(body), lang);
            case HTML -> Transcript.ofText(tika(new JSoupParser(), body).text(), lang);
            case PDF -> Transcript.ofPages(tika(new PDFParser(), body).pages(), lang);
            case DOCX -> Transcript.ofText(docx(body).text(), lang);
        };
        if (transcript.text().isBlank()) {
            throw InvalidInput.of("body", "has no text" + (format == TranscriptFormat.PDF ? " (a scanned PDF?)" : ""));
        }
        return transcript;
    }

    private static Transcript captions(String subtitles, String lang) {
        var captions = CaptionParser.parse(subtitles);
        if (captions.isEmpty()) {
            throw InvalidInput.of("body", "has no caption: no timing line such as 00:12:41,000 --> 00:12:44,000");
        }
        return Transcript.ofCaptions(captions, lang);
    }

    /** Strict UTF-8: a byte that is not is refused, not replaced; and text holds no NUL. */
    static String utf8(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (MalformedInputException e) {
            throw InvalidInput.of("body", "is not valid UTF-8 (" + e.getInputLength() + " bad byte(s))");
        } catch (CharacterCodingException e) {
            throw InvalidInput.of("body", "is not valid UTF-8");
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw InvalidInput.of("body", "has a NUL character at offset " + nul + "; send text");
        }
        return text;
    }

    private TikaText docx(byte[] body) {
        long max = config.intake().maxTranscriptSize().asLongValue();
        try {
            return DocxText.read(body, max);
        } catch (DocxText.Unreadable e) {
            throw InvalidInput.of("body", "cannot be read as DOCX: " + e.getMessage());
        } catch (SAXException e) {
            throw new TooLarge(
                    "the transcript's text has more than " + max + " characters; at most " + max + " are taken");
        }
    }

    private TikaText tika(Parser parser, byte[] body) {
        long max = config.intake().maxTranscriptSize().asLongValue();
        TikaText text = new TikaText(max);
        try (var in = new ByteArrayInputStream(body)) {
            parser.parse(in, text, new Metadata(), new ParseContext());
        } catch (SAXException | TikaException | IOException | RuntimeException e) {
            if (TikaText.overflowed(e)) {
                throw new TooLarge(
                        "the transcript's text has more than " + max + " characters; at most " + max + " are taken");
            }
            throw InvalidInput.of("body", "cannot be read as " + (parser instanceof PDFParser ? "PDF" : "HTML"));
        }
        return text;
    }
}
