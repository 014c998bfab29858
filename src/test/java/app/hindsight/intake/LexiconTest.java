package app.hindsight.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The lexicon file format a curator writes: KIND WEIGHT PHRASE, comments, regular expressions, both scripts. */
class LexiconTest {

    static final LocalDate SAID = LocalDate.of(2026, 1, 27);

    @Test
    void commentsAndBlankLinesAreSkippedAndTheOriginIsKept() {
        List<LexiconEntry> entries = Lexicon.parse(
                "cues-xx.txt",
                "# a comment\n\nFUTURE_MODAL 0.6 will   # trailing comment\nIGNORE 0 free will\n",
                false);
        assertEquals(2, entries.size());
        assertEquals(CueKind.FUTURE_MODAL, entries.get(0).kind());
        assertEquals("cues-xx.txt:3 FUTURE_MODAL 0.6 will", entries.get(0).origin());
    }

    @Test
    void phrasesMatchWholeWordsAndAnyWhiteSpace() {
        Lexicon lexicon = new Lexicon(Lexicon.parse("t", "COMMITMENT 0.7 we plan to\nFUTURE_MODAL 0.6 will", false));
        List<LexiconMatch> found = lexicon.find("We\n plan to. Willing, goodwill, will.", SAID);
        assertEquals(
                List.of("We\n plan to", "will"),
                found.stream().map(LexiconMatch::text).toList());
    }

    @Test
    void slashesMakeARegularExpressionAndTimeRulesTakeAnArgument() {
        List<LexiconEntry> entries =
                Lexicon.parse("time-xx.txt", "QUANTITY 0.4 /\\d+x/\nYEARS_AHEAD:2 0.6 a couple of years\n", false);
        Lexicon lexicon = new Lexicon(entries);
        List<LexiconMatch> found = lexicon.find("100x in a couple of years", SAID);
        assertEquals(CueKind.QUANTITY, found.get(0).kind());
        assertEquals(TimeRule.YEARS_AHEAD, found.get(1).entry().rule());
        assertEquals(LocalDate.of(2028, 12, 31), found.get(1).target().date());
    }

    @Test
    void aChineseEntryMatchesInBothScripts() {
        Lexicon lexicon = new Lexicon(Lexicon.parse("cues-zh.txt", "NORMATIVE 0.8 不應\nCOMMITMENT 0.7 我们将", true));
        List<LexiconMatch> found = lexicon.find("不應，不应；我們將，我们将", SAID);
        assertEquals(
                List.of("不應", "不应", "我們將", "我们将"),
                found.stream().map(LexiconMatch::text).toList());
    }

    @Test
    void aMalformedLineNamesItsFileAndLine() {
        IllegalArgumentException noWeight =
                assertThrows(IllegalArgumentException.class, () -> Lexicon.parse("cues-xx.txt", "\nWILL will", false));
        assertTrue(noWeight.getMessage().startsWith("cues-xx.txt:2"), noWeight.getMessage());
        IllegalArgumentException badKind = assertThrows(
                IllegalArgumentException.class, () -> Lexicon.parse("cues-xx.txt", "FUTURE 0.5 will", false));
        assertTrue(badKind.getMessage().startsWith("cues-xx.txt:1"), badKind.getMessage());
        IllegalArgumentException badWeight = assertThrows(
                IllegalArgumentException.class, () -> Lexicon.parse("cues-xx.txt", "FUTURE_MODAL 2 will", false));
        assertTrue(badWeight.getMessage().contains("weight"), badWeight.getMessage());
    }

    @Test
    void theShippedLexiconsLoad() {
        for (String lang : List.of("en", "zh-Hant", "zh-Hans")) {
            assertTrue(Lexicon.forLanguage(lang).orElseThrow().entries().size() > 50, lang);
        }
    }
}
