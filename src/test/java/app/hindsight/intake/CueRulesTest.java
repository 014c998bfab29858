package app.hindsight.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.hindsight.prediction.model.Kind;

/** Each cue kind fires on its words in English and Chinese (both scripts), and says which entry fired. */
class CueRulesTest {

    static final LocalDate SAID = LocalDate.of(2026, 1, 27);

    static List<Candidate> find(String text, String lang) {
        return CandidateFinder.find(text, lang, SAID);
    }

    static Candidate only(String text, String lang) {
        List<Candidate> found = find(text, lang);
        assertEquals(1, found.size(), text + " -> " + found);
        return found.get(0);
    }

    static Cue cue(Candidate candidate, CueKind kind) {
        return candidate.cues().stream()
                .filter(c -> c.kind() == kind)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + candidate.cues()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Prices will fall.                               | en      | FUTURE_MODAL | will         | FORECAST
            Prices are going to fall.                       | en      | FUTURE_MODAL | going to     | FORECAST
            價格將下降。                                     | zh-Hant | FUTURE_MODAL | 將           | FORECAST
            价格会下降。                                     | zh-Hans | FUTURE_MODAL | 会           | FORECAST
            預計價格下降。                                   | zh-Hant | FUTURE_MODAL | 預計         | FORECAST
            By 2030 robots are everywhere.                  | en      | TIME_MARKER  | By 2030      | FORECAST
            到2030年，機器人無處不在。                        | zh-Hant | TIME_MARKER  | 到2030年     | FORECAST
            未来机器人无处不在。                              | zh-Hans | TIME_MARKER  | 未来         | FORECAST
            Models get 100x cheaper and 30 to 40 per cent faster. | en | QUANTITY   | 100x         | CLAIM
            投資將達五千億。                                  | zh-Hant | QUANTITY     | 五千億       | FORECAST
            We plan to open an office.                      | en      | COMMITMENT   | We plan to   | COMMITMENT
            我們將開設辦公室。                                | zh-Hant | COMMITMENT   | 我們將       | COMMITMENT
            我们将开设办公室。                                | zh-Hans | COMMITMENT   | 我们将       | COMMITMENT
            Children must not use it.                       | en      | NORMATIVE    | must not     | STANCE
            兒童不應使用電腦。                                | zh-Hant | NORMATIVE    | 不應         | STANCE
            儿童不宜使用电脑。                                | zh-Hans | NORMATIVE    | 不宜         | STANCE
            兒童應該多玩耍。                                  | zh-Hant | NORMATIVE    | 應該         | STANCE
            """)
    void eachCueKindFires(String text, String lang, CueKind kind, String words, Kind proposed) {
        Candidate candidate = only(text, lang);
        Cue cue = cue(candidate, kind);
        assertEquals(words, cue.text());
        assertEquals(words, text.substring(cue.span().start(), cue.span().end()));
        assertTrue(cue.entry().matches("(cues|time)-(en|zh)\\.txt:\\d+ .+"), cue.entry());
        assertEquals(proposed, candidate.proposedKind());
        assertTrue(candidate.score() >= CandidateFinder.THRESHOLD && candidate.score() <= 1);
    }

    @Test
    void theEntryNamesTheLexiconLine() {
        Cue will = cue(only("Prices will fall.", "en"), CueKind.FUTURE_MODAL);
        assertTrue(will.entry().startsWith("cues-en.txt:"), will.entry());
        assertTrue(will.entry().endsWith("FUTURE_MODAL  0.6   will"), will.entry());
    }

    @Test
    void theLongestEntryWins() {
        Candidate candidate = only("We will open an office.", "en");
        assertEquals(
                List.of(CueKind.COMMITMENT),
                candidate.cues().stream().map(Cue::kind).toList());
    }

    @Test
    void ignoreEntriesMaskFalseFriends() {
        assertEquals(List.of(), find("社會在變。機會很多。", "zh-Hant"));
        assertEquals(List.of(), find("Free will matters.", "en"));
        assertEquals(List.of(), find("我已將文稿整理好。", "zh-Hant"), "已將 is done, not the future");
    }

    @Test
    void aWeakCueAloneIsNoCandidateButTwoAre() {
        assertEquals(List.of(), find("Costs are at least lower.", "en"));
        assertEquals(1, find("Costs will be at least lower.", "en").size());
    }

    @Test
    void pastMarkersLowerTheScore() {
        double plain = only("It is going to rain.", "en").score();
        assertEquals(List.of(), find("It was going to rain.", "en"));
        assertTrue(plain >= CandidateFinder.THRESHOLD);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Prices will fall.                     | en      | UNHEDGED |
            I think prices will fall.             | en      | LIKELY   | I think
            Prices will very likely fall.         | en      | LIKELY   | very likely
            Prices will probably fall.            | en      | LIKELY   | probably
            Prices could fall soon.               | en      | POSSIBLE | could
            Prices will certainly fall.           | en      | CERTAIN  | certainly
            I am sure it will, but it might not.  | en      | POSSIBLE | I am sure;might
            價格一定會下降。                        | zh-Hant | CERTAIN  | 一定
            价格可能会下降。                        | zh-Hans | POSSIBLE | 可能
            價格或許將下降。                        | zh-Hant | POSSIBLE | 或許
            價格很可能會下降。                      | zh-Hant | LIKELY   | 很可能
            """)
    void hedgeGradesFollowTheMostGuardedWord(String text, String lang, HedgeGrade grade, String words) {
        Hedge hedge = only(text, lang).hedge();
        assertEquals(grade, hedge.grade());
        assertEquals(words == null ? List.of() : List.of(words.split(";")), hedge.words());
    }

    @Test
    void questionsNarrationAndHeadingsAreNoCandidates() {
        assertEquals(List.of(), find("Will prices fall by 2030?", "en"));
        assertEquals(List.of(), find("Interviewer: Prices will fall, won't they.", "en"));
        assertEquals(List.of(), find("Q: Prices will fall.", "en"));
        assertEquals(List.of(), find("*   **疑問：** 價格將下降。", "zh-Hant"));
        assertEquals(List.of(), find("# Prices will fall by 2030", "en"));
        assertEquals(1, find("# Prices will fall by 2030\n\nThey will.", "en").size());
    }

    @Test
    void aSpeakersOwnQuestionStaysWithTheAnswer() {
        Candidate candidate = only("Sam Altman: Will prices fall? They will, by 2030. Thanks.", "en");
        assertEquals("Will prices fall? They will, by 2030.", candidate.quote().text());
        assertEquals("Sam Altman", candidate.quote().locator());
    }

    @Test
    void aLabelsCuesCountForTheBulletsUnderIt() {
        Candidate candidate = only("- **Predictions:**\n  - **Cost:** Prices fall a lot.", "en");
        Cue fromLabel = candidate.cues().get(0);
        assertTrue(fromLabel.inLabel());
        assertEquals("Predictions", fromLabel.text());
        assertEquals("Cost", candidate.quote().locator());
        assertEquals(Kind.FORECAST, candidate.proposedKind());
    }

    @Test
    void aShortBulletIsProposedWholeButParagraphSentencesStandAlone() {
        Candidate bullet = only("- AI will write most code. Interviews are outdated.", "en");
        assertEquals(
                "AI will write most code. Interviews are outdated.",
                bullet.quote().text());
        List<Candidate> paragraph = find("Kids should not use AI. Costs could fall 30 per cent next year.", "en");
        assertEquals(2, paragraph.size());
        assertEquals("Kids should not use AI.", paragraph.get(0).quote().text());
    }

    @Test
    void aLanguageWithoutALexiconProposesNothing() {
        assertTrue(!CandidateFinder.supports("fr") && CandidateFinder.supports("zh-TW"));
        assertEquals(List.of(), find("Les prix vont baisser.", "fr"));
    }
}
