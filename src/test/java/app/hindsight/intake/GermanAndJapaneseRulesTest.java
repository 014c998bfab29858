package app.hindsight.intake;

import static app.hindsight.intake.CueRulesTest.cue;
import static app.hindsight.intake.CueRulesTest.find;
import static app.hindsight.intake.CueRulesTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.hindsight.prediction.model.Basis;
import app.hindsight.prediction.model.Kind;
import app.hindsight.prediction.model.Precision;

/**
 * The German and Japanese lexicons, rule by rule, as {@link CueRulesTest} and {@link TimeRulesTest} do for English
 * and Chinese: each cue kind fires on its words and names its line, hedges grade, time expressions become targets
 * (source said on 2026-01-27), false friends are masked.
 */
class GermanAndJapaneseRulesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Die Preise werden fallen.                        | de | FUTURE_MODAL | werden            | FORECAST
            Das Modell soll im Herbst erscheinen.            | de | FUTURE_MODAL | soll              | FORECAST
            In Zukunft arbeiten Roboter im Haushalt.         | de | TIME_MARKER  | In Zukunft        | FORECAST
            Die Modelle sind 100-mal billiger und 30 Prozent schneller. | de | QUANTITY | 100-mal   | CLAIM
            Wir werden ein Büro in Berlin eröffnen.          | de | COMMITMENT   | Wir werden        | COMMITMENT
            Nächstes Jahr werden wir ein Büro eröffnen.      | de | COMMITMENT   | werden wir        | COMMITMENT
            Kinder sollten keine KI benutzen.                | de | NORMATIVE    | sollten           | STANCE
            Schulen müssen das Programmieren lehren.         | de | NORMATIVE    | müssen            | STANCE
            新モデルは秋に発表される予定だ。                     | ja | FUTURE_MODAL | 予定              | FORECAST
            将来、ロボットが家事をする。                        | ja | TIME_MARKER  | 将来              | FORECAST
            コストは100倍下がり、速度は30%向上した。               | ja | QUANTITY     | 100倍             | CLAIM
            東京に新しいオフィスを開設することを計画しています。     | ja | COMMITMENT   | 計画しています     | COMMITMENT
            子どもはAIを使うべきではない。                       | ja | NORMATIVE    | べきではない       | STANCE
            """)
    void eachCueKindFires(String text, String lang, CueKind kind, String words, Kind proposed) {
        Candidate candidate = only(text, lang);
        Cue cue = cue(candidate, kind);
        assertEquals(words, cue.text());
        assertEquals(words, text.substring(cue.span().start(), cue.span().end()));
        assertTrue(cue.entry().matches("(cues|time)-" + lang + "\\.txt:\\d+ .+"), cue.entry());
        assertEquals(proposed, candidate.proposedKind());
        assertTrue(candidate.score() >= CandidateFinder.THRESHOLD && candidate.score() <= 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Die Preise werden fallen.                          | de | UNHEDGED |
            Ich glaube, die Preise werden fallen.              | de | LIKELY   | Ich glaube
            Die Preise werden wahrscheinlich fallen.           | de | LIKELY   | wahrscheinlich
            Die Preise werden sicherlich fallen.               | de | CERTAIN  | sicherlich
            Die Preise könnten bald fallen.                    | de | POSSIBLE | könnten
            価格は下がるでしょう。                               | ja | LIKELY   | でしょう
            価格はきっと下がる予定だ。                            | ja | CERTAIN  | きっと
            価格は来年下がるかもしれない。                        | ja | POSSIBLE | かもしれない
            """)
    void hedgeGradesFollowTheMostGuardedWord(String text, String lang, HedgeGrade grade, String words) {
        Hedge hedge = only(text, lang).hedge();
        assertEquals(grade, hedge.grade());
        assertEquals(words == null ? List.of() : List.of(words.split(";")), hedge.words());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Die Preise werden bis 2030 fallen.                 | de | 2030-12-31 | YEAR    | EXPLICIT | by the end of 2030
            Die Preise fallen bis Ende 2027.                   | de | 2027-12-31 | YEAR    | EXPLICIT | by the end of 2027
            Die Preise werden nächstes Jahr fallen.            | de | 2027-12-31 | YEAR    | EXPLICIT | by the end of next year (2027)
            Die Preise werden bis Ende des Jahres fallen.      | de | 2026-12-31 | YEAR    | EXPLICIT | by the end of this year (2026)
            Die Preise werden bis März 2027 fallen.            | de | 2027-03-31 | MONTH   | EXPLICIT | by the end of March 2027
            Die Preise werden bis Dezember 2026 fallen.        | de | 2026-12-31 | MONTH   | EXPLICIT | by the end of December 2026
            Die Preise werden im dritten Quartal 2027 fallen.  | de | 2027-09-30 | QUARTER | EXPLICIT | by the end of Q3 2027
            Die Preise werden bis zum 1.3.2027 fallen.         | de | 2027-03-01 | DAY     | EXPLICIT | on 2027-03-01
            Die Preise werden bis Ende dieses Jahrzehnts fallen. | de | 2029-12-31 | YEAR  | INFERRED | "bis Ende dieses Jahrzehnts" read as the end of 2029, the decade's last year
            Die Preise werden in ein paar Jahren fallen.       | de | 2028-12-31 | YEAR    | INFERRED | "in ein paar Jahren" read as 2 years after the source's date, to the end of 2028
            Die Preise werden innerhalb von fünf Jahren fallen. | de | 2031-12-31 | YEAR   | INFERRED | "innerhalb von fünf Jahren" read as 5 years after the source's date, to the end of 2031
            Die Preise werden in 18 Monaten fallen.            | de | 2027-07-31 | MONTH   | INFERRED | "in 18 Monaten" read as 18 months after the source's date, to the end of July 2027
            2030年までに価格は下がる見込みだ。                     | ja | 2030-12-31 | YEAR    | EXPLICIT | by the end of 2030
            2027年末までに価格は下がるでしょう。                   | ja | 2027-12-31 | YEAR    | EXPLICIT | by the end of 2027
            来年、価格は下がるでしょう。                           | ja | 2027-12-31 | YEAR    | EXPLICIT | by the end of next year (2027)
            2027年6月までに価格は下がるでしょう。                  | ja | 2027-06-30 | MONTH   | EXPLICIT | by the end of June 2027
            2026年第3四半期に価格は下がるでしょう。                | ja | 2026-09-30 | QUARTER | EXPLICIT | by the end of Q3 2026
            今後30年で価格は下がるでしょう。                       | ja | 2056-12-31 | YEAR    | INFERRED | "今後30年" read as 30 years after the source's date, to the end of 2056
            三年以内に価格は下がるでしょう。                       | ja | 2029-12-31 | YEAR    | INFERRED | "三年以内" read as 3 years after the source's date, to the end of 2029
            半年以内に価格は下がるでしょう。                       | ja | 2026-07-31 | MONTH   | INFERRED | "半年以内" read as 6 months after the source's date, to the end of July 2026
            """)
    void eachTimeRuleGivesItsTarget(
            String text, String lang, LocalDate date, Precision precision, Basis basis, String label) {
        assertEquals(new Target(date, precision, basis, label), only(text, lang).proposedTarget());
    }

    @Test
    void falseFriendsAreMasked() {
        assertEquals(List.of(), find("Die Würde des Menschen ist unantastbar.", "de"));
        assertEquals(List.of(), find("Das Haus wird gerade renoviert.", "de"), "a passive now, not the future");
        assertEquals(List.of(), find("Er soll das gesagt haben.", "de"), "hearsay, not a plan");
        assertEquals(1, find("Das Modell soll 2027 fertig sein.", "de").size());
        assertEquals(List.of(), find("それは予定外の出来事だった。", "ja"), "予定外 is unplanned, not a plan");
        assertEquals(List.of(), find("価格は下がるでしょうか。", "ja"), "でしょうか asks");
    }

    @Test
    void aTimeNotAfterTheSourcesDateIsNoCueAndNoTarget() {
        assertEquals(List.of(), find("Vor fünf Jahren war alles anders.", "de"));
        assertEquals(List.of(), find("2026年1月27日、東京で。", "ja"));
        assertNull(only("2020年までに価格は下がるでしょう。", "ja").proposedTarget());
    }

    @Test
    void kanaEntriesNeedNoWordBoundaryAsJapaneseWritesNoSpaces() {
        Candidate candidate = only("価格は将来下がるかもしれない。", "ja");
        assertEquals("かもしれない", cue(candidate, CueKind.POSSIBLE).text());
    }

    @Test
    void aGermanAndAJapaneseTranscriptSplitIntoSentencesYieldTheirForwardOnes() {
        List<Candidate> german = find(
                "## Ausblick\n\nWir werden das neue Modell bis Ende 2027 ausliefern. Heute haben wir zehn Millionen"
                        + " Nutzer. Die Kosten könnten in ein paar Jahren um das Hundertfache fallen.",
                "de");
        assertEquals(
                List.of(
                        "Wir werden das neue Modell bis Ende 2027 ausliefern.",
                        "Die Kosten könnten in ein paar Jahren um das Hundertfache fallen."),
                german.stream().map(c -> c.quote().text()).toList());
        assertEquals(LocalDate.of(2027, 12, 31), german.get(0).proposedTarget().date());
        assertEquals("§Ausblick › ¶1", german.get(0).quote().locator());

        List<Candidate> japanese =
                find("私たちは2027年末までに新しいモデルを出荷する予定です。現在、利用者は一千万人です。" + "ロボットはおそらく2030年までに家事の大半をこなすでしょう。", "ja");
        assertEquals(
                List.of("私たちは2027年末までに新しいモデルを出荷する予定です。", "ロボットはおそらく2030年までに家事の大半をこなすでしょう。"),
                japanese.stream().map(c -> c.quote().text()).toList());
        assertEquals(HedgeGrade.LIKELY, japanese.get(1).hedge().grade());
    }
}
