package app.hindsight.trajectory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.hindsight.shared.Roles;

@Path("/api/v1/predictions/{key}/trajectory")
@Tag(name = "Trajectories")
public class TrajectoryResource {

    @Inject
    TrajectoryService trajectories;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getTrajectory", summary = "Is it on track?")
    @RolesAllowed(Roles.READER)
    public Trajectory trajectory(@PathParam("key") String key) {
        return trajectories.read(key).trajectory();
    }
}
