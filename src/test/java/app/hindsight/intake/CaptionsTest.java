package app.hindsight.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** VTT and SRT cues: parsed into captions, located by their start time, sentences running across cues. */
class CaptionsTest {

    static final String VTT = """
            WEBVTT

            NOTE recorded at the town hall

            intro
            00:12:41.000 --> 00:12:44.000 align:start
            <v Sam Altman>We will ship <i>it</i>

            00:12:44.500 --> 00:12:47.000
            by the end of 2027. Costs will fall &amp; stay low.

            01:02:03.000 --> 01:02:05.000
            <v Moderator>Will they really?
            """;

    static final String SRT = """
            1
            00:00:01,000 --> 00:00:03,500
            Prices will fall.

            2
            00:00:04,000 --> 00:00:06,000
            Thanks,
            everyone.
            """;

    @Test
    void vttCuesBecomeCaptionsWithVoicesAsLabels() {
        List<Caption> captions = CaptionParser.parse(VTT);
        assertEquals(3, captions.size());
        assertEquals(Duration.ofMinutes(12).plusSeconds(41), captions.get(0).start());
        assertEquals("Sam Altman: We will ship it", captions.get(0).text());
        assertEquals(
                "by the end of 2027. Costs will fall & stay low.",
                captions.get(1).text());
        assertEquals("00:12:44", captions.get(1).locator());
        assertEquals("01:02:03", captions.get(2).locator());
    }

    @Test
    void srtCuesKeepTheirLineBreaks() {
        List<Caption> captions = CaptionParser.parse(SRT);
        assertEquals(2, captions.size());
        assertEquals("00:00:04", captions.get(1).locator());
        assertEquals("Thanks,\neveryone.", captions.get(1).text());
    }

    @Test
    void aSentenceAcrossCuesIsOneCandidateLocatedWhereItStarts() {
        Transcript t = Transcript.ofCaptions(CaptionParser.parse(VTT), "en");
        List<Candidate> found = CandidateFinder.find(t, LocalDate.of(2026, 1, 27));
        assertEquals(2, found.size(), found.toString());
        assertEquals(
                "We will ship it\nby the end of 2027.", found.get(0).quote().text());
        assertEquals("00:12:41", found.get(0).quote().locator());
        assertEquals(LocalDate.of(2027, 12, 31), found.get(0).proposedTarget().date());
        assertEquals("Costs will fall & stay low.", found.get(1).quote().text());
        assertEquals("00:12:44", found.get(1).quote().locator());
    }

    @Test
    void theSpeakersNameIsALabelAndTheModeratorsQuestionNoCandidate() {
        Transcript t = Transcript.ofCaptions(CaptionParser.parse(VTT), "en");
        assertEquals("Sam Altman", t.text(t.segments().get(0).labels().get(0)));
        assertTrue(t.text(t.segments().get(0).body()).startsWith("We will"));
        assertTrue(CandidateFinder.find(t, LocalDate.of(2026, 1, 27)).stream()
                .noneMatch(c -> c.quote().text().contains("really")));
    }

    @Test
    void srtCandidatesCarryTheirCuesStart() {
        Transcript t = Transcript.ofCaptions(CaptionParser.parse(SRT), "en");
        List<Candidate> found = CandidateFinder.find(t, LocalDate.of(2026, 1, 27));
        assertEquals(1, found.size());
        assertEquals("00:00:01", found.get(0).quote().locator());
        assertEquals("Prices will fall.", found.get(0).quote().text());
    }

    @Test
    void textWithoutTimingLinesHasNoCaptions() {
        assertEquals(List.of(), CaptionParser.parse("just some text\n\nand more"));
    }
}
