package app.hindsight.jobs;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.hindsight.HindsightConfig;
import app.hindsight.shared.Roles;
import app.hindsight.web.Actor;
import app.hindsight.web.ApiException;
import app.hindsight.web.Page;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;

@Path("/api/v1/jobs")
@Tag(name = "Jobs")
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
    @Operation(operationId = "listJobs", summary = "List the scheduled jobs")
    public Page<JobView> list() {
        // A handful of jobs, fixed at build time: one page, in the shape of every list.
        return Page.whole(jobs.stream()
                .sorted(Comparator.comparing(Job::name))
                .map(job -> {
                    Trigger trigger = scheduler.getScheduledJob(job.name());
                    return new JobView(
                            job.name(),
                            job.schedule(),
                            trigger == null ? null : trigger.getPreviousFireTime(),
                            trigger == null ? null : trigger.getNextFireTime());
                })
                .toList());
    }

    @POST
    @Path("{name}/runs")
    @Operation(operationId = "runJob", summary = "Run a job now")
    @APIResponseSchema(JobRunView.class)
    @APIResponse(
            responseCode = "202",
            headers =
                    @Header(
                            name = "Location",
                            description = "The run: GET /api/v1/jobs/{name}/runs/{id}",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = JobRunView.class)))
    public Response run(
            @PathParam("name") String name,
            @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 200), example = "wait=30")
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
    @Operation(operationId = "getJobRun", summary = "One run of a job")
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
