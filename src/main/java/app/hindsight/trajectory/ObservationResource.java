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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import app.hindsight.shared.Roles;
import app.hindsight.web.Actor;
import app.hindsight.web.ApiException;
import app.hindsight.web.Cursor;
import app.hindsight.web.Page;
import app.hindsight.web.PublicUrl;

@Path("/api/v1/predictions/{key}/observations")
@Tag(name = "Trajectories")
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
    @Operation(operationId = "addObservation", summary = "Observe the metric")
    @APIResponseSchema(value = ObservationView.class, responseCode = "201")
    @RolesAllowed({Roles.EDITOR, Roles.REVIEWER})
    public Response add(@PathParam("key") String key, NewObservation body) {
        ObservationView created = observations.add(key, actor.name(), body);
        return Response.created(publicUrl.of("/api/v1/predictions/" + key + "/observations"))
                .entity(created)
                .build();
    }

    @GET
    @Operation(operationId = "listObservations", summary = "A prediction's observations")
    @RolesAllowed(Roles.READER)
    public RestResponse<Page<ObservationView>> list(
            @PathParam("key") String key,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
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
    @Operation(operationId = "retractObservation", summary = "Retract an observation")
    @RolesAllowed({Roles.EDITOR, Roles.REVIEWER})
    public ObservationView retract(@PathParam("key") String key, @PathParam("id") String id) {
        return observations.retract(key, ApiException.idOf("observation", id), actor.name());
    }
}
