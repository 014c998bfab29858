package app.hindsight.intake.store;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source's transcript: the text the rules read, and its segments with their locators. */
@Schema(name = "Transcript")
public record TranscriptView(
        @Schema(required = true) String source,
        @Schema(required = true) String text,

        @Schema(required = true, description = "SHA-256 of the text as UTF-8, in hex")
        String sha256,

        @Schema(required = true, example = "zh-Hant") String language,

        @Schema(required = true, description = "the media type it was uploaded as", example = "text/plain")
        String mediaType,

        @Schema(required = true) Instant uploadedAt,
        @Schema(required = true) String uploadedBy,
        @Schema(required = true) long version,
        @Schema(required = true) List<SegmentView> segments) {

    /** A stretch with one locator; {@code start} and {@code end} are offsets (UTF-16 code units) into the text. */
    public record SegmentView(
            @Schema(required = true, example = "§5 推理成本 › 預測")
            String locator,

            @Schema(required = true) int start,
            @Schema(required = true) int end) {}
}
