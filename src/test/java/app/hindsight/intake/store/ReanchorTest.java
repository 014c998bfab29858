package app.hindsight.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.hindsight.intake.Span;

class ReanchorTest {

    @Test
    void aQuoteMovesWithTheTextAndTakesTheOccurrenceNearestWhereItWas() {
        String text = "Intro. We will. Middle. We will. End.";
        List<Span> spans = Reanchor.spans(text, List.of(new Reanchor.Anchored("We will.", 22)));
        assertEquals(new Span(24, 32), spans.get(0));
    }

    @Test
    void twoDecidedQuotesWithTheSameWordsTakeTwoOccurrences() {
        String text = "We will. We will.";
        List<Span> spans = Reanchor.spans(
                text, List.of(new Reanchor.Anchored("We will.", 0), new Reanchor.Anchored("We will.", 0)));
        assertEquals(List.of(new Span(0, 8), new Span(9, 17)), spans);
    }

    @Test
    void aQuoteTheTextNoLongerHoldsIsOrphaned() {
        List<Span> spans = Reanchor.spans(
                "Rewritten entirely.",
                List.of(new Reanchor.Anchored("We will.", 3), new Reanchor.Anchored("We will.", null)));
        assertNull(spans.get(0));
        assertNull(spans.get(1));
    }

    @Test
    void spansOverlapWhenTheyShareACharacter() {
        assertEquals(true, Reanchor.overlap(new Span(0, 5), new Span(4, 9)));
        assertEquals(false, Reanchor.overlap(new Span(0, 5), new Span(5, 9)));
    }
}
