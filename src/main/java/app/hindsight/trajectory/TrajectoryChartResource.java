package app.hindsight.trajectory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(
            operationId = "getTrajectoryChart",
            summary = "The trajectory as a chart",
            description = "Baseline, target, the straight path between them, the observations, the fit and the target "
                    + "date, as SVG; a logarithmic value axis on a LOG scale.")
    @APIResponse(
            responseCode = "200",
            description = "An SVG document",
            content = @Content(mediaType = SVG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such prediction")
    @APIResponse(
            responseCode = "409",
            description = "no-metric: the prediction has no metric with a baseline; unmeasurable-trajectory: a stored "
                    + "value is one the metric cannot carry (e.g. an observation not above 0 on a LOG scale), named "
                    + "in the problem")
    @RolesAllowed(Roles.READER)
    public String chart(@PathParam("key") String key) {
        TrajectoryService.Reading r = trajectories.read(key);
        return TrajectoryChart.svg(
                r.metric().name(), r.metric().unit(), r.metric().scale(), r.trajectory(), r.observations());
    }
}
