package app.hindsight.intake.store;

import java.util.List;

/**
 * What a seed file decides about a source's candidates: its predictions, each of which takes the candidate that
 * holds its quote (accepted, linked to it), and its dismissals, each keyed by words of the candidate it dismisses
 * (verbatim, so that a change of the rules that moves or splits a candidate leaves it pending rather than dismissed
 * by a guess).
 */
public record SeedDecisions(List<Link> links, List<Dismiss> dismissals) {

    public SeedDecisions {
        links = List.copyOf(links);
        dismissals = List.copyOf(dismissals);
    }

    /** A seeded prediction and its quote's words. */
    public record Link(String predictionKey, String quote) {}

    /** The candidate that holds {@code quote} is dismissed so. */
    public record Dismiss(String quote, DismissReason reason, String note) {}
}
