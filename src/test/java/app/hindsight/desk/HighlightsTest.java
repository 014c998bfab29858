package app.hindsight.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.hindsight.intake.Hedge;
import app.hindsight.intake.HedgeGrade;
import app.hindsight.intake.Span;
import app.hindsight.intake.store.CandidateState;
import app.hindsight.intake.store.CandidateView;
import app.hindsight.intake.store.Placed;
import app.hindsight.intake.store.TranscriptView.SegmentView;
import app.hindsight.prediction.model.Kind;
import app.hindsight.prediction.model.Quote;

/** Laying a transcript out in blocks with its candidates marked: every character shown once, every candidate once. */
class HighlightsTest {

    private static Placed at(long id, String text, String quote) {
        int start = text.indexOf(quote);
        return new Placed(new Span(start, start + quote.length()), candidate(id, quote));
    }

    private static CandidateView candidate(long id, String quote) {
        return new CandidateView(
                id,
                new Quote(quote, "en", null),
                List.of(),
                new Hedge(HedgeGrade.UNHEDGED, List.of()),
                null,
                Kind.FORECAST,
                0.5,
                CandidateState.PENDING,
                null,
                null,
                false,
                false);
    }

    /** The block's text, with each marked piece in [brackets] and its id. */
    private static String shown(Highlights.Block block) {
        StringBuilder out = new StringBuilder();
        for (Highlights.Piece p : block.pieces()) {
            out.append(
                    p.candidate() == null
                            ? p.text()
                            : "[" + p.candidate().id() + (p.first() ? "" : "…") + ":" + p.text() + (p.last() ? "" : "…")
                                    + "]");
        }
        return out.toString();
    }

    @Test
    void eachSegmentIsABlockWithTheTextBeforeItAndItsCandidatesCards() {
        String text = "## Outlook\n\nWe will ship it by 2027. Today we sell.\n\nCosts should fall.\n";
        int first = text.indexOf("We will");
        int second = text.indexOf("Costs");
        List<SegmentView> segments = List.of(
                new SegmentView("§Outlook", 3, 10),
                new SegmentView("§Outlook › ¶1", first, second - 2),
                new SegmentView("§Outlook › ¶2", second, text.length() - 1));
        Highlights.Layout layout = Highlights.of(
                text, segments, List.of(at(1, text, "We will ship it by 2027."), at(2, text, "Costs should fall.")));

        assertEquals(3, layout.blocks().size());
        assertEquals("## Outlook", shown(layout.blocks().get(0)));
        assertEquals(
                "[1:We will ship it by 2027.] Today we sell.",
                shown(layout.blocks().get(1)));
        assertEquals("[2:Costs should fall.]", shown(layout.blocks().get(2)));
        assertEquals(List.of(), layout.blocks().get(0).cards());
        assertEquals(1L, layout.blocks().get(1).cards().get(0).candidate().id());
        assertEquals(2L, layout.blocks().get(2).cards().get(0).candidate().id());
        assertTrue(layout.orphaned().isEmpty());
    }

    @Test
    void aQuoteThatRunsIntoTheNextCaptionIsMarkedInBothAndItsCardGoesWhereItStarts() {
        String text = "00:00:01 We will ship\n00:00:04 it by 2027. Then more.";
        int second = text.indexOf("it by");
        List<SegmentView> segments =
                List.of(new SegmentView("00:00:01", 9, 21), new SegmentView("00:00:04", second, text.length()));
        Highlights.Layout layout =
                Highlights.of(text, segments, List.of(at(7, text, "We will ship\n00:00:04 it by 2027.")));

        assertEquals("00:00:01 [7:We will ship…]", shown(layout.blocks().get(0)));
        assertEquals(
                "[7…:\n00:00:04 it by 2027.] Then more.", shown(layout.blocks().get(1)));
        assertEquals(1, layout.blocks().get(0).cards().size());
        assertEquals(List.of(), layout.blocks().get(1).cards());
    }

    @Test
    void aSpanInsideAnotherHasItsCardButNoHighlightOfItsOwnAndAnOrphanIsListedApart() {
        String text = "We will ship it by 2027, I think.";
        Placed whole = at(1, text, text);
        Placed inner = at(2, text, "ship it by 2027");
        Placed orphan = new Placed(null, candidate(3, "Gone words."));
        Highlights.Layout layout =
                Highlights.of(text, List.of(new SegmentView("¶1", 0, text.length())), List.of(whole, inner, orphan));

        Highlights.Block block = layout.blocks().get(0);
        assertEquals("[1:We will ship it by 2027, I think.]", shown(block));
        assertEquals(2, block.cards().size());
        assertTrue(block.cards().get(0).marked());
        assertFalse(block.cards().get(1).marked());
        assertEquals(3L, layout.orphaned().get(0).id());
    }

    @Test
    void aSpanOverlappingTheOneBeforeIsMarkedFromWhereThatOneEnds() {
        String text = "Alpha beta gamma delta.";
        Highlights.Layout layout = Highlights.of(
                text,
                List.of(new SegmentView("¶1", 0, text.length())),
                List.of(at(1, text, "Alpha beta"), at(2, text, "beta gamma")));

        assertEquals("[1:Alpha beta][2: gamma] delta.", shown(layout.blocks().get(0)));
        assertTrue(layout.blocks().get(0).cards().get(1).marked());
    }

    @Test
    void aTextWithoutSegmentsIsOneBlock() {
        Highlights.Layout layout = Highlights.of("  Just words.  ", List.of(), List.of());
        assertEquals(1, layout.blocks().size());
        assertEquals("Just words.", shown(layout.blocks().get(0)));
        assertEquals(null, layout.blocks().get(0).locator());
        assertEquals(2, layout.blocks().get(0).at());
    }

    @Test
    void eachBlockSaysWhereInTheTextItsPiecesStartSoThatASelectionMapsToOffsets() {
        String text = "## Outlook\n\n  We will ship it by 2027. Today we sell.\n\nCosts should fall.\n";
        int first = text.indexOf("We will");
        int second = text.indexOf("Costs");
        List<SegmentView> segments = List.of(
                new SegmentView("§Outlook", 3, 10),
                new SegmentView("§Outlook › ¶1", first, second - 2),
                new SegmentView("§Outlook › ¶2", second, text.length() - 1));
        Highlights.Layout layout = Highlights.of(
                text, segments, List.of(at(1, text, "Today we sell."), at(2, text, "Costs should fall.")));

        assertEquals(
                List.of(0, first, second),
                layout.blocks().stream().map(Highlights.Block::at).toList());
        for (Highlights.Block block : layout.blocks()) {
            String joined = block.pieces().stream().map(Highlights.Piece::text).reduce("", String::concat);
            assertEquals(joined, text.substring(block.at(), block.at() + joined.length()));
        }
    }
}
