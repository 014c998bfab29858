package app.hindsight.jobs;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A scheduled job; instants end in At, as everywhere in the API. The ...FireTime names go in the next release. */
@Schema(name = "Job")
public record JobView(
        String name,
        String schedule,

        @Schema(description = "Previous scheduled fire, as the scheduler knows it")
        Instant previousFireAt,

        @Schema(description = "Next scheduled fire; absent when the schedule is off")
        Instant nextFireAt,

        @Schema(deprecated = true, description = "previousFireAt under its old name; removed in the next release")
        Instant previousFireTime,

        @Schema(deprecated = true, description = "nextFireAt under its old name; removed in the next release")
        Instant nextFireTime) {

    JobView(String name, String schedule, Instant previousFireAt, Instant nextFireAt) {
        this(name, schedule, previousFireAt, nextFireAt, previousFireAt, nextFireAt);
    }
}
