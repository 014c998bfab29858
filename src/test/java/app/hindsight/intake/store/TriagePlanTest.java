package app.hindsight.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What a seed file's decisions do to candidates, rule by rule (plain code, no database). */
class TriagePlanTest {

    static final String BODY =
            "We will ship A. We will ship B and we will open C. Call us. Prices will fall. D is true.";

    static TriagePlan.Row pending(long id, String text) {
        return new TriagePlan.Row(id, text, CandidateState.PENDING, null, false, null, null, false);
    }

    static SeedDecisions.Link link(String key, String quote) {
        return new SeedDecisions.Link(key, quote);
    }

    static SeedDecisions.Dismiss dismiss(String quote, DismissReason reason) {
        return new SeedDecisions.Dismiss(quote, reason, "a note");
    }

    @Test
    void aCandidateTakesTheLongestQuoteItHoldsAndTheOthersAreAddedByHand() {
        TriagePlan.Plan plan = TriagePlan.plan(
                BODY,
                List.of(pending(1, "We will ship A."), pending(2, "We will ship B and we will open C.")),
                new SeedDecisions(
                        List.of(
                                link("b", "We will ship B"),
                                link("a", "We will ship A"),
                                link("c", "we will open C"),
                                link("bc", "We will ship B and we will open C"),
                                link("d", "D is true")),
                        List.of()));
        assertEquals(Map.of(1L, "a", 2L, "bc"), plan.link());
        assertEquals(
                List.of(link("b", "We will ship B"), link("c", "we will open C"), link("d", "D is true")), plan.add());
        assertEquals(Map.of(), plan.dismiss());
    }

    @Test
    void aCandidateNoPredictionTakesIsDismissedByTheWordsItHoldsAndAnUnmatchedOneStaysPending() {
        TriagePlan.Plan plan = TriagePlan.plan(
                BODY,
                List.of(pending(1, "We will ship A."), pending(2, "Call us."), pending(3, "Prices will fall.")),
                new SeedDecisions(
                        List.of(link("a", "We will ship A")),
                        List.of(
                                dismiss("Call us", DismissReason.NOT_A_PREDICTION),
                                dismiss("We will ship A", DismissReason.OTHER),
                                dismiss("Gone words", DismissReason.TOO_VAGUE))));
        assertEquals(Map.of(1L, "a"), plan.link(), "a link wins over a dismissal");
        assertEquals(Map.of(2L, dismiss("Call us", DismissReason.NOT_A_PREDICTION)), plan.dismiss());
        assertEquals(List.of("Gone words"), plan.stale());
        assertEquals(List.of(), plan.reopen(), "candidate 3 is left PENDING: nothing decides it");
    }

    @Test
    void whatAPersonDecidedStaysAndTheSeedsOwnDecisionsAreRevised() {
        List<TriagePlan.Row> rows = List.of(
                // A person dismissed the candidate that holds a seeded quote: it stays, the quote gets a span.
                new TriagePlan.Row(
                        1,
                        "We will ship A.",
                        CandidateState.DISMISSED,
                        null,
                        false,
                        DismissReason.ALREADY_TRACKED,
                        "mine",
                        false),
                // The seeds dismissed these; the revision decides otherwise.
                new TriagePlan.Row(
                        2,
                        "Call us.",
                        CandidateState.DISMISSED,
                        null,
                        true,
                        DismissReason.NOT_A_PREDICTION,
                        "a note",
                        false),
                new TriagePlan.Row(
                        3,
                        "Prices will fall.",
                        CandidateState.DISMISSED,
                        null,
                        true,
                        DismissReason.TOO_VAGUE,
                        "a note",
                        false),
                new TriagePlan.Row(
                        4,
                        "D is true.",
                        CandidateState.DISMISSED,
                        null,
                        true,
                        DismissReason.TOO_VAGUE,
                        "a note",
                        false),
                // Already linked by a person: the seeds leave it.
                new TriagePlan.Row(5, "We will ship B", CandidateState.ACCEPTED, "b", false, null, null, false));
        TriagePlan.Plan plan = TriagePlan.plan(
                BODY,
                rows,
                new SeedDecisions(
                        List.of(link("a", "We will ship A"), link("b", "We will ship B"), link("d", "D is true")),
                        List.of(
                                dismiss("Call us", DismissReason.NOT_A_PREDICTION),
                                dismiss("Prices", DismissReason.DUPLICATE))));
        assertEquals(Map.of(4L, "d"), plan.link(), "a candidate the seeds dismissed can become a prediction's");
        assertEquals(List.of(link("a", "We will ship A")), plan.add());
        assertEquals(Map.of(3L, dismiss("Prices", DismissReason.DUPLICATE)), plan.dismiss(), "2 is unchanged");
        assertEquals(List.of(), plan.reopen());

        TriagePlan.Plan dropped = TriagePlan.plan(
                BODY, rows, new SeedDecisions(List.of(), List.of(dismiss("Call us", DismissReason.NOT_A_PREDICTION))));
        assertEquals(List.of(3L, 4L), dropped.reopen(), "dismissed by the seeds, and no longer: PENDING again");
    }

    @Test
    void aQuoteTheTranscriptDoesNotHoldIsReported() {
        TriagePlan.Plan plan =
                TriagePlan.plan(BODY, List.of(), new SeedDecisions(List.of(link("x", "Not said")), List.of()));
        assertEquals(List.of("x (its quote is not in the transcript)"), plan.unlinkable());
        assertEquals(List.of(), plan.add());
    }
}
