package app.hindsight.trajectory;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import app.hindsight.shared.Roles;
import app.hindsight.web.Actor;
import app.hindsight.web.ApiException;
import app.hindsight.web.Cursor;
import app.hindsight.web.Examples;
import app.hindsight.web.Page;
import app.hindsight.web.Problem;
import app.hindsight.web.PublicUrl;

@Path("/api/v1/predictions/{key}/observations")
@Tag(name = "Trajectories", description = "A quantitative prediction's metric, observed along the way to its date")
@Produces(MediaType.APPLICATION_JSON)
public class ObservationResource {

    @Inject
    ObservationService observations;

    @Inject
    Actor actor;

    @Inject
    PublicUrl publicUrl;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "addObservation",
            summary = "Observe the metric",
            description = "Records the metric's value on a day (from the baseline's day to today), with evidence; an "
                    + "OBSERVED event in the history. Only for predictions with a metric.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = NewObservation.class),
                            examples =
                                    @ExampleObject(
                                            name = "ten times cheaper",
                                            value =
                                                    "{\"on\": \"2026-11-29\", \"value\": 0.34375, \"note\": \"list "
                                                            + "price\", \"evidence\": [{\"url\": "
                                                            + "\"https://example.org/pricing\", \"title\": \"Pricing page\"}]}")))
    @APIResponse(
            responseCode = "201",
            description = "Recorded; Location points to the prediction's observations",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ObservationView.class)))
    @APIResponse(responseCode = "400", description = "A bad value or day; errors names the field")
    @APIResponse(responseCode = "404", description = "No such prediction")
    @APIResponse(
            responseCode = "409",
            description = "The prediction has no metric, or holds hindsight.limits.observations-per-prediction already")
    @RolesAllowed({Roles.EDITOR, Roles.REVIEWER})
    public Response add(@PathParam("key") String key, NewObservation body) {
        ObservationView created = observations.add(key, actor.name(), body);
        return Response.created(publicUrl.of("/api/v1/predictions/" + key + "/observations"))
                .entity(created)
                .build();
    }

    @GET
    @Operation(
            operationId = "listObservations",
            summary = "A prediction's observations",
            description = "By date, retracted ones included (marked), paged with an opaque cursor (a Link header "
                    + "with rel=\"next\" points to the next page).")
    @APIResponse(responseCode = "200", description = "A page of observations; a Link header points to the next one")
    @APIResponse(
            responseCode = "400",
            description = "Bad limit or cursor",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "bad cursor", value = Examples.BAD_CURSOR)))
    @APIResponse(responseCode = "404", description = "No such prediction")
    @RolesAllowed(Roles.READER)
    public RestResponse<Page<ObservationView>> list(
            @PathParam("key") String key,
            @Parameter(description = "1 to 500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        Cursor.Position<LocalDate> after = Cursor.dayPosition(cursor);
        return Page.of(
                        observations.list(
                                key,
                                after == null ? null : after.key(),
                                after == null ? 0 : after.id(),
                                Page.limit(limit)),
                        ObservationView::on,
                        ObservationView::id)
                .toResponse(uri, publicUrl);
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "retractObservation",
            summary = "Retract an observation",
            description = "Marks it retracted: it stays listed, no longer counts for the trajectory, and an "
                    + "OBSERVATION_RETRACTED event is in the history.")
    @APIResponse(
            responseCode = "200",
            description = "The retracted observation",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ObservationView.class)))
    @APIResponse(responseCode = "404", description = "No such prediction or observation")
    @APIResponse(responseCode = "409", description = "Already retracted")
    @RolesAllowed({Roles.EDITOR, Roles.REVIEWER})
    public ObservationView retract(@PathParam("key") String key, @PathParam("id") String id) {
        return observations.retract(key, ApiException.idOf("observation", id), actor.name());
    }
}
