package app.hindsight.intake.store;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The sources a speaker's record rests on and how many are fully triaged: a record drawn from sources nobody read
 * through may leave out what the speaker got wrong (or right), and {@code caveat} says so.
 */
@Schema(name = "SourceTriage")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceTriage(
        @Schema(required = true, description = "sources of the speaker or of their predictions")
        long total,

        @Schema(required = true) long withTranscript,
        @Schema(required = true) long fullyTriaged,

        @Schema(description = "set when some source is not fully triaged")
        String caveat) {

    /** The figures of a speaker's sources. */
    public static SourceTriage of(List<CoverageQueries.SpeakerSource> sources) {
        return of(
                sources.size(),
                sources.stream()
                        .filter(CoverageQueries.SpeakerSource::transcript)
                        .count(),
                sources.stream()
                        .filter(CoverageQueries.SpeakerSource::fullyTriaged)
                        .count());
    }

    static SourceTriage of(long total, long withTranscript, long fullyTriaged) {
        String caveat = fullyTriaged == total
                ? null
                : (total - fullyTriaged) + " of " + total + " sources are not fully triaged"
                        + (withTranscript < total ? " (" + (total - withTranscript) + " have no transcript)" : "")
                        + ": the record may leave out predictions made there";
        return new SourceTriage(total, withTranscript, fullyTriaged, caveat);
    }
}
