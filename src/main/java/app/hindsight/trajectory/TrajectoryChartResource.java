package app.hindsight.trajectory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.hindsight.shared.Roles;

/** The trajectory as a chart: a path of its own, since {@code trajectory.svg} is not below {@code trajectory}. */
@Path("/api/v1/predictions/{key}/trajectory.svg")
@Tag(name = "Trajectories")
public class TrajectoryChartResource {

    static final String SVG = "image/svg+xml";

    @Inject
    TrajectoryService trajectories;

    @GET
    @Produces(SVG)
    @Operation(operationId = "getTrajectoryChart", summary = "The trajectory as a chart")
    @RolesAllowed(Roles.READER)
    public String chart(@PathParam("key") String key) {
        TrajectoryService.Reading r = trajectories.read(key);
        return TrajectoryChart.svg(
                r.metric().name(), r.metric().unit(), r.metric().scale(), r.trajectory(), r.observations());
    }
}
