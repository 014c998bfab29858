package app.hindsight.intake.store;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How far a source's transcript is triaged. {@code fullyTriaged}: a transcript is there and no candidate is
 * pending; {@code triagedAt} and {@code triagedBy} say when and by whom it became so (the last decision, or the
 * upload that left nothing pending).
 */
@Schema(name = "Coverage")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Coverage(
        @Schema(description = "null while the source has no transcript")
        TranscriptSummary transcript,

        @Schema(required = true) long candidates,
        @Schema(required = true) long accepted,
        @Schema(required = true) Dismissed dismissed,
        @Schema(required = true) long pending,

        @Schema(required = true, description = "added by hand: what the rules missed")
        long manual,

        @Schema(required = true, description = "decided, but their quote is no longer in the transcript")
        long orphaned,

        @Schema(required = true) boolean fullyTriaged,
        Instant triagedAt,
        String triagedBy) {

    /** The transcript's fingerprint. */
    public record TranscriptSummary(
            @Schema(required = true) String sha256,
            @Schema(required = true) int segments,
            @Schema(required = true, example = "zh-Hant") String language) {

        static TranscriptSummary of(StoredTranscript t) {
            return new TranscriptSummary(t.sha256, t.segments, t.language);
        }
    }

    public record Dismissed(
            @Schema(required = true) long total,
            @Schema(required = true) Map<DismissReason, Long> byReason) {}
}
