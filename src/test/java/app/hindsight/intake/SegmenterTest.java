package app.hindsight.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Locators from the text's own structure: section headings, bold and speaker labels, paragraph numbers, stamps. */
class SegmenterTest {

    @Test
    void numberedHeadingAndBoldLabelMakeTheTownHallsLocator() {
        Transcript t = Transcript.ofText("""
                #### **5. AI模型的成本：小模型？**
                *   **疑問：** 成本會降嗎？
                *   **Altman預測：**
                    *   **成本大幅降低：** 到2027年底，成本至少降低100倍。
                """, "zh-Hant");
        List<Segment> s = t.segments();
        assertEquals("§5 AI模型的成本：小模型？", s.get(0).locator());
        assertEquals(Segment.Role.HEADING, s.get(0).role());
        assertEquals("§5 AI模型的成本：小模型？ › 疑問", s.get(1).locator());
        assertEquals("成本會降嗎？", t.text(s.get(1).body()));
        assertEquals(Segment.Role.HEADING, s.get(2).role(), "a label alone heads the bullets under it");
        Segment nested = s.get(3);
        assertEquals("§5 AI模型的成本：小模型？ › 成本大幅降低", nested.locator());
        assertEquals(Segment.Role.ITEM, nested.role());
        assertEquals("到2027年底，成本至少降低100倍。", t.text(nested.body()));
        assertEquals(
                List.of("Altman預測", "成本大幅降低"),
                nested.labels().stream().map(t::text).toList());
    }

    @Test
    void withoutHeadingsParagraphsAreNumbered() {
        Transcript t = Transcript.ofText("First paragraph,\nwrapped.\n\nSecond one.\n\n\nThird.", "en");
        assertEquals(
                List.of("¶1", "¶2", "¶3"),
                t.segments().stream().map(Segment::locator).toList());
        assertEquals("First paragraph,\nwrapped.", t.text(t.segments().get(0).body()));
    }

    @Test
    void paragraphNumbersRestartUnderEachHeadingAndUnlabelledBulletsCount() {
        Transcript t = Transcript.ofText("# Costs\n\nOne.\n\n- Two.\n- Three.\n\n## Speed\n\nFour.", "en");
        assertEquals(
                List.of("§Costs", "§Costs › ¶1", "§Costs › ¶2", "§Costs › ¶3", "§Speed", "§Speed › ¶1"),
                t.segments().stream().map(Segment::locator).toList());
    }

    @Test
    void speakerLabelsAndTimeStampsStartSegmentsWithoutABlankLine() {
        Transcript t = Transcript.ofText(
                "Q: What next?\nSam Altman: Cheaper models.\n[12:41] Much cheaper.\n1:02:03 Later.", "en");
        List<Segment> s = t.segments();
        assertEquals(
                List.of("Q", "Sam Altman", "00:12:41", "01:02:03"),
                s.stream().map(Segment::locator).toList());
        assertEquals("What next?", t.text(s.get(0).body()));
        assertEquals("Cheaper models.", t.text(s.get(1).body()));
        assertEquals("Much cheaper.", t.text(s.get(2).body()));
    }

    @Test
    void horizontalRulesAndBlankLinesAreNoSegments() {
        Transcript t = Transcript.ofText("\uFEFFOne.\n\n---\n\nTwo.\r\n", "en");
        assertEquals(2, t.segments().size());
        assertEquals("Two.", t.text(t.segments().get(1).body()));
    }

    @Test
    void pagesPrefixTheirLocatorsAndKeepOffsetsIntoTheJoinedText() {
        Transcript t = Transcript.ofPages(List.of("Intro.", "# Costs\n\nPrices will fall by 2030."), "en");
        assertEquals(
                List.of("p. 1 › ¶1", "p. 2 › §Costs", "p. 2 › §Costs › ¶1"),
                t.segments().stream().map(Segment::locator).toList());
        assertEquals("Intro.\n\n# Costs\n\nPrices will fall by 2030.", t.text());
        Candidate candidate =
                CandidateFinder.find(t, java.time.LocalDate.of(2026, 1, 27)).get(0);
        assertEquals("Prices will fall by 2030.", candidate.quote().text());
        assertEquals("p. 2 › §Costs › ¶1", candidate.quote().locator());
    }
}
