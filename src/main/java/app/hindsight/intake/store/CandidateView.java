package app.hindsight.intake.store;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.intake.Hedge;
import app.hindsight.prediction.model.Kind;
import app.hindsight.prediction.model.Quote;
import app.hindsight.prediction.model.Target;

/**
 * A candidate as the API shows it: the quote verbatim from the transcript, why the rules proposed it, and where it
 * stands in triage. {@code orphaned} is set once a replaced transcript no longer holds the quote; its decision stays.
 */
@Schema(name = "Candidate")
public record CandidateView(
        @Schema(required = true, example = "12") long id,
        @Schema(required = true) Quote quote,
        @Schema(required = true) List<CueView> cues,
        @Schema(required = true) Hedge hedge,

        @Schema(description = "null when the words give no time")
        Target proposedTarget,

        @Schema(required = true) Kind proposedKind,
        @Schema(required = true, example = "0.76") double score,
        @Schema(required = true) CandidateState state,

        @Schema(description = "key of the prediction it was accepted as")
        String prediction,

        DismissalView dismissal,

        @Schema(required = true, description = "added by hand: the rules missed it")
        boolean manual,

        @Schema(required = true) boolean orphaned) {

    /** What fired: the words matched and the lexicon entry, so an editor sees why. */
    public record CueView(
            @Schema(required = true) app.hindsight.intake.CueKind kind,
            @Schema(required = true, example = "將") String text,

            @Schema(required = true, example = "cues-zh.txt:12 FUTURE_MODAL 0.6 將")
            String entry) {}

    /** Why, by whom and when a candidate was dismissed. */
    public record DismissalView(@Schema(required = true) DismissReason reason, String note, String by, Instant at) {}
}
