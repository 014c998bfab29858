package app.hindsight.jobs;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.hindsight.HindsightConfig;
import app.hindsight.shared.Roles;
import app.hindsight.web.Actor;
import app.hindsight.web.ApiException;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;

@Path("/api/v1/jobs")
@Tag(name = "Jobs", description = "The scheduled jobs, and running them now (admin)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class JobResource {

    /** The longest a Prefer: wait=N can make POST /jobs/{name}/runs wait. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    @Inject
    @Any
    Instance<Job> jobs;

    @Inject
    Scheduler scheduler;

    @Inject
    JobRunner runner;

    @Inject
    HindsightConfig config;

    @Inject
    Actor actor;

    @GET
    @Operation(
            operationId = "listJobs",
            summary = "List the scheduled jobs",
            description = "Each job's schedule and its previous and next fire time.")
    @APIResponse(responseCode = "200", description = "The jobs")
    public List<JobView> list() {
        return jobs.stream()
                .sorted(Comparator.comparing(Job::name))
                .map(job -> {
                    Trigger trigger = scheduler.getScheduledJob(job.name());
                    return new JobView(
                            job.name(),
                            job.schedule(),
                            trigger == null ? null : trigger.getPreviousFireTime(),
                            trigger == null ? null : trigger.getNextFireTime());
                })
                .toList();
    }

    @POST
    @Path("{name}/runs")
    @Operation(
            operationId = "runJob",
            summary = "Run a job now",
            description = "Starts a run and waits for it to end, "
                    + "10 s by default (hindsight.jobs.run-wait): a run that ends within the wait answers 200 with what it "
                    + "did; one still running answers 202 with the run, and Location to poll. `Prefer: wait=N` asks to wait N "
                    + "seconds instead (at most 60), `Prefer: respond-async` not to wait. Safe to run while the schedule also "
                    + "runs it: each notice and flag is still made once.")
    @APIResponse(
            responseCode = "200",
            description = "The run ended within the wait: what it did",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = JobRunView.class),
                            examples =
                                    @ExampleObject(
                                            name = "due scan",
                                            value =
                                                    "{\"id\": 7, \"job\": \"due-scan\", "
                                                            + "\"state\": \"SUCCEEDED\", \"startedAt\": \"2028-01-01T00:05:00Z\", \"startedBy\": \"admin\", "
                                                            + "\"finishedAt\": \"2028-01-01T00:05:00.041Z\", \"durationMs\": 41, "
                                                            + "\"result\": {\"flagged\": 3, \"reminded\": 1, \"escalated\": 0, \"durationMs\": 40}, \"error\": null}")))
    @APIResponse(
            responseCode = "202",
            description = "Still running after the wait; poll the run at Location",
            headers =
                    @Header(
                            name = "Location",
                            description = "The run: GET /api/v1/jobs/{name}/runs/{id}",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = JobRunView.class),
                            examples =
                                    @ExampleObject(
                                            name = "webhook delivery",
                                            value =
                                                    "{\"id\": 8, \"job\": \"webhook-delivery\", "
                                                            + "\"state\": \"RUNNING\", \"startedAt\": \"2028-01-01T00:05:00Z\", \"startedBy\": \"admin\", "
                                                            + "\"finishedAt\": null, \"durationMs\": null, \"result\": null, \"error\": null}")))
    @APIResponse(responseCode = "404", description = "No such job")
    public Response run(
            @PathParam("name") String name,
            @Parameter(
                            description = "RFC 7240 preferences: `wait=N` (seconds, at most 60) or `respond-async`",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 200),
                            example = "wait=30")
                    @HeaderParam("Prefer")
                    String prefer) {
        Job job = job(name);
        Duration wait = wait(prefer, config.jobs().runWait());
        JobRunner.Started started = runner.start(job, actor.name());
        try {
            return Response.ok(started.end().get(wait.toMillis(), TimeUnit.MILLISECONDS))
                    .build();
        } catch (TimeoutException e) {
            // Still running: the caller polls rather than holding a connection (and a proxy's patience) for minutes.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("job run " + started.run().id() + " ended abnormally", e.getCause());
        }
        return Response.accepted(started.run())
                .location(URI.create(
                        "/api/v1/jobs/" + name + "/runs/" + started.run().id()))
                .build();
    }

    @GET
    @Path("{name}/runs/{id}")
    @Operation(
            operationId = "getJobRun",
            summary = "One run of a job",
            description = "A run started with POST /jobs/{name}/runs: RUNNING, "
                    + "or how it ended and what it did. Runs are kept for 7 days after they end.")
    @APIResponse(
            responseCode = "200",
            description = "The run",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = JobRunView.class)))
    @APIResponse(responseCode = "404", description = "No such job, or no such run of it")
    public JobRunView runOf(@PathParam("name") String name, @PathParam("id") String id) {
        job(name);
        return runner.find(name, ApiException.idOf("job run", id))
                .orElseThrow(() -> ApiException.notFound("job run", name + "/" + id));
    }

    private Job job(String name) {
        return jobs.stream()
                .filter(j -> j.name().equals(name))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("job", name));
    }

    /**
     * How long to wait for a run, from an RFC 7240 Prefer header: {@code wait=N} seconds (at most {@link #MAX_WAIT}),
     * or none for {@code respond-async} alone. Preferences are hints: anything else is ignored.
     */
    static Duration wait(String prefer, Duration otherwise) {
        if (prefer == null) {
            return otherwise;
        }
        boolean async = false;
        for (String preference : prefer.split(",")) {
            String token = preference.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (token.equals("respond-async")) {
                async = true;
            } else if (token.matches("wait\\s*=\\s*\\d{1,9}")) {
                long seconds =
                        Long.parseLong(token.substring(token.indexOf('=') + 1).trim());
                return Duration.ofSeconds(Math.min(seconds, MAX_WAIT.toSeconds()));
            }
        }
        return async ? Duration.ZERO : otherwise;
    }
}
