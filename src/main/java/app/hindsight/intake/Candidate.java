package app.hindsight.intake;

import java.util.List;

import app.hindsight.prediction.model.Kind;

/**
 * A forward-looking sentence (or a few adjacent ones of one segment) proposed for triage. {@code span} locates
 * {@code quote.text()} in the transcript ({@code text.substring(span.start(), span.end())}); {@code score} in
 * [0, 1] combines the cues' weights; {@code proposedTarget} is null when the words give no time.
 */
public record Candidate(
        Quote quote, Span span, List<Cue> cues, Hedge hedge, Target proposedTarget, Kind proposedKind, double score) {

    public Candidate {
        cues = List.copyOf(cues);
    }
}
