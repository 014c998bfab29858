package app.hindsight.intake.store;

import java.util.Locale;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import app.hindsight.prediction.model.NewPrediction;
import app.hindsight.prediction.model.PredictionView;
import app.hindsight.shared.Roles;
import app.hindsight.web.Actor;
import app.hindsight.web.ApiException;
import app.hindsight.web.Cursor;
import app.hindsight.web.ETags;
import app.hindsight.web.Page;
import app.hindsight.web.PublicUrl;

@Path("/api/v1/sources/{key}/candidates")
@Tag(name = "Intake")
@Produces(MediaType.APPLICATION_JSON)
public class CandidateResource {

    @Inject
    TriageService triage;

    @Inject
    Acceptance acceptance;

    @Inject
    Actor actor;

    @Inject
    PublicUrl publicUrl;

    @GET
    @Operation(operationId = "listCandidates", summary = "List a source's candidates")
    @RolesAllowed(Roles.READER)
    public RestResponse<Page<CandidateView>> list(
            @PathParam("key") String key,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"PENDING", "ACCEPTED", "DISMISSED"}))
                    @QueryParam("state")
                    String state,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return Page.of(triage.list(key, state(state), Cursor.decode(cursor), Page.limit(limit)))
                .toResponse(uri, publicUrl);
    }

    private static CandidateState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return CandidateState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("state", "'" + state + "' must be one of PENDING, ACCEPTED, DISMISSED");
        }
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getCandidate", summary = "Get a candidate")
    @RolesAllowed(Roles.READER)
    public CandidateView get(@PathParam("key") String key, @PathParam("id") String id) {
        return triage.get(key, ApiException.idOf("candidate", id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addCandidate", summary = "Add a span the rules missed")
    @APIResponseSchema(value = CandidateView.class, responseCode = "201")
    @RolesAllowed(Roles.EDITOR)
    public Response add(@PathParam("key") String key, NewCandidate body) {
        CandidateView added = triage.add(key, body, actor.name());
        return Response.created(publicUrl.of("/api/v1/sources/" + key + "/candidates/" + added.id()))
                .entity(added)
                .build();
    }

    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acceptCandidate", summary = "Accept a candidate as a prediction")
    @APIResponse(
            responseCode = "201",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = PredictionView.class)))
    @RolesAllowed(Roles.EDITOR)
    public Response accept(@PathParam("key") String key, @PathParam("id") String id, NewPrediction body) {
        PredictionView created = acceptance.accept(key, ApiException.idOf("candidate", id), body, actor.name());
        return Response.created(publicUrl.of("/api/v1/predictions/" + created.key()))
                .header(HttpHeaders.ETAG, ETags.of(created.version()))
                .entity(created)
                .build();
    }

    @POST
    @Path("{id}/dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "dismissCandidate", summary = "Dismiss a candidate")
    @RolesAllowed(Roles.EDITOR)
    public CandidateView dismiss(@PathParam("key") String key, @PathParam("id") String id, Dismissal body) {
        return triage.dismiss(key, ApiException.idOf("candidate", id), body, actor.name());
    }

    @DELETE
    @Path("{id}/dismissal")
    @Operation(operationId = "undoDismissal", summary = "Undo a dismissal")
    @RolesAllowed(Roles.EDITOR)
    public CandidateView undo(@PathParam("key") String key, @PathParam("id") String id) {
        return triage.undoDismissal(key, ApiException.idOf("candidate", id));
    }
}
