package app.hindsight.trajectory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.hindsight.shared.Roles;

@Path("/api/v1/predictions/{key}/trajectory")
@Tag(name = "Trajectories")
public class TrajectoryResource {

    @Inject
    TrajectoryService trajectories;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getTrajectory",
            summary = "Is it on track?",
            description = "From the metric's baseline, its target and the observations that are not retracted: "
                    + "progress (how far the latest observation has gone, in log space on a LOG scale), "
                    + "expectedProgress (the share of the time to the target date that has passed), a least-squares "
                    + "fit, the day it projects the target is reached, and a verdict: REACHED, ON_TRACK, BEHIND, NO_DATA "
                    + "or UNDATED. README, section Trajectories, gives the formulas.")
    @APIResponse(
            responseCode = "200",
            description = "The trajectory",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Trajectory.class)))
    @APIResponse(responseCode = "404", description = "No such prediction")
    @APIResponse(
            responseCode = "409",
            description = "no-metric: the prediction has no metric with a baseline; unmeasurable-trajectory: a stored "
                    + "value is one the metric cannot carry (e.g. an observation not above 0 on a LOG scale), named "
                    + "in the problem")
    @RolesAllowed(Roles.READER)
    public Trajectory trajectory(@PathParam("key") String key) {
        return trajectories.read(key).trajectory();
    }
}
