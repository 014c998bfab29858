package app.hindsight.jobs;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One on-demand run of a job and what it did. */
@Schema(name = "JobRun")
public record JobRun(String job, Instant startedAt, long durationMs,
        @Schema(type = SchemaType.OBJECT, description = "What the job did, e.g. {flagged, reminded, escalated}") Object result) {
}
