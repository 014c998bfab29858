package app.hindsight.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.util.ULocale;

/**
 * Splits a transcript's body segments into sentences with ICU's sentence rules for the transcript's language
 * (with ICU's list of abbreviations that do not end a sentence, where it has one). Line breaks inside a segment or
 * a flow of captions are read as spaces, so a hard-wrapped paragraph or a sentence spoken across captions stays one
 * sentence. A sentence longer than a reader can weigh at once is cut into clauses at semicolons, then at commas.
 */
public final class SentenceSplitter {

    /** In characters; CJK packs about three times the meaning into a character. */
    static final int LONG_CJK = 100;

    static final int LONG_OTHER = 300;

    private static final Map<String, BreakIterator> PROTOTYPES = new ConcurrentHashMap<>();

    private SentenceSplitter() {}

    /** The sentences of every body segment, in text order; headings are left out. */
    public static List<Sentence> split(Transcript transcript) {
        BreakIterator breaks = iterator(transcript.lang());
        List<Segment> segments = transcript.segments();
        List<Sentence> sentences = new ArrayList<>();
        int i = 0;
        while (i < segments.size()) {
            Segment first = segments.get(i);
            int last = i;
            while (last + 1 < segments.size() && segments.get(last + 1).flow() == first.flow()) {
                last++;
            }
            if (first.role().isBody()) {
                splitFlow(transcript.text(), segments, i, last, breaks, sentences);
            }
            i = last + 1;
        }
        return sentences;
    }

    private static void splitFlow(
            String text, List<Segment> segments, int first, int last, BreakIterator breaks, List<Sentence> out) {
        int from = segments.get(first).body().start();
        int to = segments.get(last).body().end();
        String flow =
                text.substring(from, to).replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        breaks.setText(flow);
        int segment = first;
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            Span sentence = trim(text, from + start, from + end);
            if (sentence.length() == 0) {
                continue;
            }
            while (segment < last && segments.get(segment + 1).body().start() <= sentence.start()) {
                segment++;
            }
            for (Span clause : clauses(text, sentence)) {
                out.add(new Sentence(clause, segments.get(segment).locator(), segment));
            }
        }
    }

    /** The sentence itself, or its clauses when it is long: cut at semicolons first, commas if still too long. */
    static List<Span> clauses(String text, Span sentence) {
        int limit = isCjk(text, sentence) ? LONG_CJK : LONG_OTHER;
        if (sentence.length() <= limit) {
            return List.of(sentence);
        }
        List<Span> out = new ArrayList<>();
        for (Span part : cut(text, sentence, "；;", limit)) {
            out.addAll(part.length() <= limit ? List.of(part) : cut(text, part, "，,、", limit));
        }
        return out;
    }

    /** Cuts after the marks, packing pieces back together while they stay within the limit. */
    private static List<Span> cut(String text, Span span, String marks, int limit) {
        List<Span> pieces = new ArrayList<>();
        int start = span.start();
        for (int i = span.start(); i < span.end(); i++) {
            if (marks.indexOf(text.charAt(i)) >= 0 && i + 1 < span.end()) {
                pieces.add(new Span(start, i + 1));
                start = i + 1;
            }
        }
        pieces.add(new Span(start, span.end()));
        List<Span> packed = new ArrayList<>();
        Span current = null;
        for (Span piece : pieces) {
            if (current != null && piece.end() - current.start() <= limit) {
                current = new Span(current.start(), piece.end());
            } else {
                if (current != null) {
                    packed.add(trim(text, current.start(), current.end()));
                }
                current = piece;
            }
        }
        packed.add(trim(text, current.start(), current.end()));
        return packed;
    }

    private static boolean isCjk(String text, Span span) {
        int han = 0;
        for (int i = span.start(); i < span.end(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(text.charAt(i));
            if (script == Character.UnicodeScript.HAN
                    || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA
                    || script == Character.UnicodeScript.HANGUL) {
                han++;
            }
        }
        return han * 3 > span.length();
    }

    private static Span trim(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Span(start, end);
    }

    /**
     * Abbreviations in ICU's lists that it matches as the end of any word, which then ends no sentence: with German's
     * "r." and "b.", "Das sind wir." and "Wir gehen ab." ran into the next sentence (every word ending in r or b).
     */
    private static final Map<String, List<String>> NOT_ABBREVIATIONS = Map.of("de", List.of("r.", "b."));

    private static BreakIterator iterator(String lang) {
        // Keyed by the language alone, so a caller's odd tags cannot grow the cache without bound.
        String language = ULocale.forLanguageTag(lang == null ? "" : lang).getLanguage();
        BreakIterator prototype = PROTOTYPES.computeIfAbsent(language, SentenceSplitter::prototype);
        return (BreakIterator) prototype.clone();
    }

    private static BreakIterator prototype(String language) {
        ULocale locale = new ULocale(language.isEmpty() ? "und" : language);
        List<String> wrong = NOT_ABBREVIATIONS.get(language);
        if (wrong == null) {
            return BreakIterator.getSentenceInstance(locale.setKeywordValue("ss", "standard"));
        }
        FilteredBreakIteratorBuilder abbreviations = FilteredBreakIteratorBuilder.getInstance(locale);
        wrong.forEach(abbreviations::unsuppressBreakAfter);
        return abbreviations.wrapIteratorWithFilter(BreakIterator.getSentenceInstance(locale));
    }
}
