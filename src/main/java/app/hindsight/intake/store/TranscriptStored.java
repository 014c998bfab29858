package app.hindsight.intake.store;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a PUT of a transcript did: the transcript's figures, the candidates the rules found, the decided ones kept
 * (their quote still occurs) and those orphaned (it no longer does: they keep their decision, flagged).
 */
@Schema(name = "TranscriptStored")
public record TranscriptStored(
        @Schema(required = true) Coverage.TranscriptSummary transcript,
        @Schema(required = true) boolean created,

        @Schema(required = true, description = "whether this language has rules; without, no candidate is proposed")
        boolean rules,

        @Schema(required = true, description = "new PENDING candidates")
        int found,

        @Schema(required = true, description = "decided candidates whose quote still occurs, re-anchored")
        int kept,

        @Schema(required = true, description = "decided candidates whose quote no longer occurs")
        List<CandidateView> orphaned,

        @Schema(required = true) long version) {}
