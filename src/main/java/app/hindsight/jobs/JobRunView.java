package app.hindsight.jobs;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One on-demand run of a job and, once it ended, what it did. */
@Schema(name = "JobRun")
public record JobRunView(
        long id,
        String job,

        @Schema(description = "RUNNING until it ends; then SUCCEEDED, or FAILED with error")
        RunState state,

        Instant startedAt,

        @Schema(description = "The name of the token that started it")
        String startedBy,

        @Schema(description = "When it ended; null while RUNNING")
        Instant finishedAt,

        @Schema(description = "How long it ran; null while RUNNING")
        Long durationMs,

        @Schema(
                type = SchemaType.OBJECT,
                description = "What the job did, e.g. {flagged, reminded, escalated}; null " + "until it SUCCEEDED")
        Object result,

        @Schema(description = "Why it FAILED; the service log has the details")
        String error) {}
