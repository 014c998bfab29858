package app.hindsight.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.hindsight.security.Roles;
import app.hindsight.web.ApiException;
import app.hindsight.web.Problem;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;

@Path("/api/v1/jobs")
@Tag(name = "Jobs", description = "The scheduled jobs, and running them now (admin)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class JobResource {

    @Inject
    @Any
    Instance<Job> jobs;

    @Inject
    Scheduler scheduler;

    @Inject
    Clock clock;

    @GET
    @Operation(operationId = "listJobs", summary = "List the scheduled jobs", description = "Each job's schedule and its previous and next fire time.")
    @APIResponse(responseCode = "200", description = "The jobs")
    @APIResponse(responseCode = "401", description = "No token, or a bad or revoked one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<JobView> list() {
        return jobs.stream().sorted(Comparator.comparing(Job::name)).map(job -> {
            Trigger trigger = scheduler.getScheduledJob(job.name());
            return new JobView(job.name(), job.schedule(), trigger == null ? null : trigger.getPreviousFireTime(),
                    trigger == null ? null : trigger.getNextFireTime());
        }).toList();
    }

    @POST
    @Path("{name}/runs")
    @Operation(operationId = "runJob", summary = "Run a job now", description = "Synchronously; returns what it did. Safe to run while the "
            + "schedule also runs it: each notice and flag is still made once.")
    @APIResponse(responseCode = "200", description = "What the run did",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobRun.class),
                    examples = @ExampleObject(name = "due scan", value = "{\"job\": \"due-scan\", \"startedAt\": \"2028-01-01T00:05:00Z\", "
                            + "\"durationMs\": 41, \"result\": {\"flagged\": 3, \"reminded\": 1, \"escalated\": 0, \"durationMs\": 40}}")))
    @APIResponse(responseCode = "401", description = "No token, or a bad or revoked one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JobRun run(@PathParam("name") String name) {
        Job job = jobs.stream().filter(j -> j.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.notFound("job", name));
        Instant started = Instant.now(clock);
        long start = System.nanoTime();
        Object result = job.run();
        return new JobRun(name, started, (System.nanoTime() - start) / 1_000_000, result);
    }
}
