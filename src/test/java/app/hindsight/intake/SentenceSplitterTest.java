package app.hindsight.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** ICU's sentence rules per language, with offsets that give back the exact text. */
class SentenceSplitterTest {

    private static List<String> sentences(String text, String lang) {
        Transcript t = Transcript.ofText(text, lang);
        return SentenceSplitter.split(t).stream().map(s -> t.text(s.span())).toList();
    }

    @Test
    void japaneseSplitsAtItsFullStopsAndMarks() {
        assertEquals(List.of("今日は晴れです。", "明日は雨が降るでしょう！", "本当ですか？"), sentences("今日は晴れです。明日は雨が降るでしょう！本当ですか？", "ja"));
    }

    @Test
    void germanAbbreviationsDoNotEndASentence() {
        assertEquals(
                List.of("Dr. Müller sagt, die Kosten sinken bis 2030 um 30 %.", "Das wird schnell gehen."),
                sentences("Dr. Müller sagt, die Kosten sinken bis 2030 um 30 %. Das wird schnell gehen.", "de"));
    }

    @Test
    void germanWordsEndingInROrBEndASentenceThoughICUListsROrBAsAbbreviations() {
        assertEquals(
                List.of("Das sind wir.", "Heute haben wir zehn Millionen Nutzer.", "Wir gehen ab.", "Hr. Meier kommt."),
                sentences("Das sind wir. Heute haben wir zehn Millionen Nutzer. Wir gehen ab. Hr. Meier kommt.", "de"));
    }

    @Test
    void englishTitlesDoNotEndASentence() {
        assertEquals(
                List.of("Mr. Smith will come at 5 p.m. tomorrow.", "He said so."),
                sentences("Mr. Smith will come at 5 p.m. tomorrow. He said so.", "en"));
    }

    @Test
    void chineseSplitsInBothScripts() {
        assertEquals(List.of("成本将降低。", "速度会提升！"), sentences("成本将降低。速度会提升！", "zh-Hans"));
        assertEquals(List.of("成本將降低。", "速度會提升？"), sentences("成本將降低。速度會提升？", "zh-Hant"));
    }

    @Test
    void aLongSentenceIsCutIntoClausesAtSemicolons() {
        String first = "第一部分".repeat(15) + "；";
        String second = "第二部分".repeat(15) + "。";
        List<String> clauses = sentences(first + second, "zh-Hant");
        assertEquals(List.of(first, second), clauses);
    }

    @Test
    void offsetsGiveBackTheExactText() {
        String text = "# Title\n\n  Leading blanks.   Two  spaces.\n\n- **Label:** Item text. More.";
        Transcript t = Transcript.ofText(text, "en");
        for (Sentence s : SentenceSplitter.split(t)) {
            String said = text.substring(s.span().start(), s.span().end());
            assertEquals(said.strip(), said);
            assertTrue(said.endsWith("."), said);
        }
        assertEquals(List.of("Leading blanks.", "Two  spaces.", "Item text.", "More."), sentences(text, "en"));
    }
}
