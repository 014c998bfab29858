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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import app.hindsight.prediction.NewPrediction;
import app.hindsight.prediction.PredictionView;
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
    @Operation(
            operationId = "listCandidates",
            summary = "List a source's candidates",
            description = "In the order the rules found them (those added by hand after), paged with an opaque cursor.")
    @APIResponse(responseCode = "200", description = "A page of candidates; a Link header points to the next one")
    @APIResponse(responseCode = "400", description = "Bad state, limit or cursor")
    @APIResponse(responseCode = "404", description = "No such source")
    @RolesAllowed(Roles.READER)
    public RestResponse<Page<CandidateView>> list(
            @PathParam("key") String key,
            @Parameter(
                            description = "only candidates in this state",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"PENDING", "ACCEPTED", "DISMISSED"}))
                    @QueryParam("state")
                    String state,
            @Parameter(description = "1 to 500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
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
            throw ApiException.badRequest("state", "must be PENDING, ACCEPTED or DISMISSED");
        }
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getCandidate", summary = "Get a candidate", description = "One candidate of the source.")
    @APIResponse(
            responseCode = "200",
            description = "The candidate",
            content = @Content(schema = @Schema(implementation = CandidateView.class)))
    @APIResponse(responseCode = "404", description = "No such source or candidate")
    @RolesAllowed(Roles.READER)
    public CandidateView get(@PathParam("key") String key, @PathParam("id") String id) {
        return triage.get(key, ApiException.idOf("candidate", id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "addCandidate",
            summary = "Add a span the rules missed",
            description = "The words must occur verbatim in the transcript (the first occurrence, or the one "
                    + "named); the candidate is PENDING and counted as manual.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewCandidate.class)))
    @APIResponse(
            responseCode = "201",
            description = "Added; Location names it",
            content = @Content(schema = @Schema(implementation = CandidateView.class)))
    @APIResponse(responseCode = "400", description = "The words are not in the transcript; errors name the field")
    @APIResponse(responseCode = "404", description = "No such source")
    @APIResponse(responseCode = "409", description = "No transcript, or a candidate is these very words")
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
    @Operation(
            operationId = "acceptCandidate",
            summary = "Accept a candidate as a prediction",
            description = "The body is a prediction as POST /predictions takes it, every field optional: quote, "
                    + "kind and target default from the candidate, source, speaker and madeOn from the source. The "
                    + "prediction's history names the candidate; the candidate becomes ACCEPTED with its key.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewPrediction.class)))
    @APIResponse(
            responseCode = "201",
            description = "The prediction; Location and ETag headers",
            headers = {
                @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))
            },
            content = @Content(schema = @Schema(implementation = PredictionView.class)))
    @APIResponse(responseCode = "400", description = "The prediction is not valid (a statement is always needed)")
    @APIResponse(responseCode = "404", description = "No such source or candidate")
    @APIResponse(responseCode = "409", description = "The candidate is not PENDING, or the key is taken")
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
    @Operation(
            operationId = "dismissCandidate",
            summary = "Dismiss a candidate",
            description = "With a reason; a dismissed one may be dismissed again to change it.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Dismissal.class)))
    @APIResponse(
            responseCode = "200",
            description = "The candidate, DISMISSED",
            content = @Content(schema = @Schema(implementation = CandidateView.class)))
    @APIResponse(responseCode = "400", description = "No reason, or an unknown one")
    @APIResponse(responseCode = "404", description = "No such source or candidate")
    @APIResponse(responseCode = "409", description = "The candidate was accepted")
    @RolesAllowed(Roles.EDITOR)
    public CandidateView dismiss(@PathParam("key") String key, @PathParam("id") String id, Dismissal body) {
        return triage.dismiss(key, ApiException.idOf("candidate", id), body, actor.name());
    }

    @DELETE
    @Path("{id}/dismissal")
    @Operation(
            operationId = "undoDismissal",
            summary = "Undo a dismissal",
            description = "The candidate is PENDING again.")
    @APIResponse(
            responseCode = "200",
            description = "The candidate, PENDING",
            content = @Content(schema = @Schema(implementation = CandidateView.class)))
    @APIResponse(responseCode = "404", description = "No such source or candidate")
    @APIResponse(responseCode = "409", description = "The candidate is not dismissed, or its quote is gone")
    @RolesAllowed(Roles.EDITOR)
    public CandidateView undo(@PathParam("key") String key, @PathParam("id") String id) {
        return triage.undoDismissal(key, ApiException.idOf("candidate", id));
    }
}
