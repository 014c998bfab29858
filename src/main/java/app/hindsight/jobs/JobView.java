package app.hindsight.jobs;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Job")
public record JobView(
        String name,
        String schedule,

        @Schema(description = "Previous scheduled fire, as the scheduler knows it")
        Instant previousFireTime,

        @Schema(description = "Next scheduled fire; absent when the schedule is off")
        Instant nextFireTime) {}
