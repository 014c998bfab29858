package app.hindsight.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.hindsight.prediction.model.Basis;
import app.hindsight.prediction.model.Precision;

/** Time expressions become targets relative to the source's date (2026-01-27 here), each by its rule. */
class TimeRulesTest {

    static Target target(String text, String lang) {
        return CueRulesTest.only(text, lang).proposedTarget();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Prices will fall by 2030.                          | en      | 2030-12-31 | YEAR    | EXPLICIT | by the end of 2030
            Prices will fall by the end of 2027.               | en      | 2027-12-31 | YEAR    | EXPLICIT | by the end of 2027
            Prices will fall next year.                        | en      | 2027-12-31 | YEAR    | EXPLICIT | by the end of next year (2027)
            Prices will fall by the end of this year.          | en      | 2026-12-31 | YEAR    | EXPLICIT | by the end of this year (2026)
            Prices will fall by June 2027.                     | en      | 2027-06-30 | MONTH   | EXPLICIT | by the end of June 2027
            Prices will fall by Q3 2027.                       | en      | 2027-09-30 | QUARTER | EXPLICIT | by the end of Q3 2027
            Prices will fall by the end of this decade.        | en      | 2029-12-31 | YEAR    | INFERRED | "by the end of this decade" read as the end of 2029, the decade's last year
            Prices will fall in another couple of years.       | en      | 2028-12-31 | YEAR    | INFERRED | "in another couple of years" read as 2 years after the source's date, to the end of 2028
            Prices will fall within five years.                | en      | 2031-12-31 | YEAR    | INFERRED | "within five years" read as 5 years after the source's date, to the end of 2031
            Prices will fall in 18 months.                     | en      | 2027-07-31 | MONTH   | INFERRED | "in 18 months" read as 18 months after the source's date, to the end of July 2027
            到2030年，價格將下降。                               | zh-Hant | 2030-12-31 | YEAR    | EXPLICIT | by the end of 2030
            到2027年底，價格將下降。                             | zh-Hant | 2027-12-31 | YEAR    | EXPLICIT | by the end of 2027
            价格明年会下降。                                    | zh-Hans | 2027-12-31 | YEAR    | EXPLICIT | by the end of next year (2027)
            價格今年底會下降。                                   | zh-Hant | 2026-12-31 | YEAR    | EXPLICIT | by the end of this year (2026)
            2027年6月價格會下降。                                | zh-Hant | 2027-06-30 | MONTH   | EXPLICIT | by the end of June 2027
            2026年第三季價格會下降。                             | zh-Hant | 2026-09-30 | QUARTER | EXPLICIT | by the end of Q3 2026
            未來30年，價格會下降。                               | zh-Hant | 2056-12-31 | YEAR    | INFERRED | "未來30年" read as 30 years after the source's date, to the end of 2056
            未来三年价格会下降。                                 | zh-Hans | 2029-12-31 | YEAR    | INFERRED | "未来三年" read as 3 years after the source's date, to the end of 2029
            價格半年內會下降。                                   | zh-Hant | 2026-07-31 | MONTH   | INFERRED | "半年內" read as 6 months after the source's date, to the end of July 2026
            """)
    void eachRuleGivesItsTarget(
            String text, String lang, LocalDate date, Precision precision, Basis basis, String label) {
        Target target = target(text, lang);
        assertEquals(new Target(date, precision, basis, label), target);
    }

    @Test
    void theTimeExpressionIsATimeMarkerCue() {
        Cue cue = CueRulesTest.cue(CueRulesTest.only("未來30年，價格會下降。", "zh-Hant"), CueKind.TIME_MARKER);
        assertEquals("未來30年", cue.text());
        assertTrue(cue.entry().startsWith("time-zh.txt:"), cue.entry());
        assertTrue(cue.entry().contains("YEARS_AHEAD"), cue.entry());
    }

    @Test
    void noTimeInTheWordsNoTarget() {
        assertNull(target("Prices will fall.", "en"));
        assertNull(target("價格將下降。", "zh-Hant"));
    }

    @Test
    void aTimeNotAfterTheSourcesDateIsNoCueAndNoTarget() {
        Candidate candidate = CueRulesTest.only("By 2020 prices will fall.", "en");
        assertNull(candidate.proposedTarget());
        assertTrue(candidate.cues().stream().noneMatch(c -> c.kind() == CueKind.TIME_MARKER));
        assertEquals(java.util.List.of(), CandidateFinder.find("2026年1月27日，在台北。", "zh-Hant", CueRulesTest.SAID));
    }

    @Test
    void anExplicitTimeIsPreferredToAnInferredOne() {
        Target target = target("Within five years, and by 2028 at the latest, prices will fall.", "en");
        assertEquals(LocalDate.of(2028, 12, 31), target.date());
        assertEquals(Basis.EXPLICIT, target.basis());
    }
}
