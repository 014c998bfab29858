package app.hindsight.prediction;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import app.hindsight.HindsightConfig;
import app.hindsight.csv.CsvWriter;
import app.hindsight.json.MergePatch;
import app.hindsight.prediction.model.Command;
import app.hindsight.prediction.model.Deferral;
import app.hindsight.prediction.model.NewPrediction;
import app.hindsight.prediction.model.PredictionView;
import app.hindsight.prediction.model.Resolution;
import app.hindsight.prediction.model.Withdrawal;
import app.hindsight.prediction.store.PredictionCache;
import app.hindsight.prediction.store.PredictionExport;
import app.hindsight.prediction.store.PredictionFilter;
import app.hindsight.prediction.store.PredictionHistory;
import app.hindsight.prediction.store.PredictionOrder;
import app.hindsight.prediction.store.PredictionQueries;
import app.hindsight.shared.Paged;
import app.hindsight.shared.Roles;
import app.hindsight.web.Actor;
import app.hindsight.web.AmendmentHeader;
import app.hindsight.web.Cursor;
import app.hindsight.web.ETags;
import app.hindsight.web.Page;
import app.hindsight.web.PublicUrl;
import app.hindsight.web.TransitionResponses;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

@Path("/api/v1/predictions")
@Tag(name = "Predictions")
@Produces(MediaType.APPLICATION_JSON)
public class PredictionResource {

    @Inject
    PublicUrl publicUrl;

    public static final String CSV = CsvWriter.MEDIA_TYPE;
    public static final String NDJSON = "application/x-ndjson";
    public static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    PredictionService predictions;

    @Inject
    PredictionQueries queries;

    @Inject
    PredictionHistory history;

    @Inject
    PredictionExport export;

    @Inject
    HindsightConfig config;

    @Inject
    Actor actor;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @GET
    @Operation(operationId = "listPredictions", summary = "List predictions")
    @Parameter(name = "status", in = ParameterIn.QUERY)
    @Parameter(name = "kind", in = ParameterIn.QUERY)
    @Parameter(name = "topic", in = ParameterIn.QUERY)
    @Parameter(name = "speaker", in = ParameterIn.QUERY)
    @Parameter(name = "source", in = ParameterIn.QUERY)
    @Parameter(name = "dueBefore", in = ParameterIn.QUERY)
    @Parameter(name = "dueAfter", in = ParameterIn.QUERY)
    @Parameter(name = "q", in = ParameterIn.QUERY)
    @Parameter(name = "hasMetric", in = ParameterIn.QUERY)
    @Parameter(name = "nextReviewFrom", in = ParameterIn.QUERY)
    @Parameter(name = "nextReviewTo", in = ParameterIn.QUERY)
    @Parameter(name = "sort", in = ParameterIn.QUERY)
    @Parameter(name = "limit", in = ParameterIn.QUERY)
    @Parameter(name = "cursor", in = ParameterIn.QUERY)
    @RolesAllowed(Roles.READER)
    public RestResponse<Page<PredictionView>> list(@Context UriInfo uri) {
        var query = uri.getQueryParameters();
        PredictionFilter filter = PredictionFilter.parse(query, config.zone());
        PredictionOrder order = PredictionOrder.parse(query.getFirst("sort"));
        return page(queries, filter, order, query.getFirst("cursor"), Page.limit(query.getFirst("limit")))
                .toResponse(uri, publicUrl);
    }

    /**
     * A page of the list in the order (null: by id) after the cursor, with the next page's cursor: what the list
     * answers, and what the desk's browse page shows.
     */
    public static Page<PredictionView> page(
            PredictionQueries queries, PredictionFilter filter, PredictionOrder order, String cursor, int limit) {
        if (order == null) {
            return Page.of(queries.list(filter, Cursor.decode(cursor), limit));
        }
        Cursor.Position<Object> at = Cursor.position(cursor, order::cursorValue);
        Paged<PredictionView> page =
                queries.list(filter, order, at == null ? null : at.key(), at == null ? null : at.id(), limit);
        return Page.of(page, order::cursorKey, last -> page.nextAfter());
    }

    @GET
    @Produces(CSV + ";qs=0.5")
    @RolesAllowed(Roles.READER)
    public Response exportCsv(@Context UriInfo uri) {
        var query = uri.getQueryParameters();
        StreamingOutput csv = export.csv(
                PredictionFilter.parse(query, config.zone()), PredictionOrder.parse(query.getFirst("sort")))::writeTo;
        return Response.ok(csv, CSV).build();
    }

    @GET
    @Produces(NDJSON + ";qs=0.5")
    @RolesAllowed(Roles.READER)
    public Response exportNdjson(@Context UriInfo uri) {
        var query = uri.getQueryParameters();
        StreamingOutput ndjson = export.ndjson(
                PredictionFilter.parse(query, config.zone()), PredictionOrder.parse(query.getFirst("sort")))::writeTo;
        return Response.ok(ndjson, NDJSON).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPrediction", summary = "Create a prediction")
    @APIResponse(
            responseCode = "201",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = PredictionView.class)))
    @RolesAllowed(Roles.EDITOR)
    public Response create(NewPrediction body) {
        PredictionView created = predictions.create(body, actor.name());
        return Response.created(publicUrl.of("/api/v1/predictions/" + created.key()))
                .header(HttpHeaders.ETAG, ETags.of(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @Path("{key}")
    @Operation(operationId = "getPrediction", summary = "Get a prediction")
    @APIResponseSchema(PredictionView.class)
    @RolesAllowed(Roles.READER)
    public Uni<Response> get(@PathParam("key") String key) {
        // A cached prediction is answered on the event loop, as it arrived; only a miss goes to a worker thread
        // for the database read (a blocking endpoint would hand every request to a worker first).
        Optional<PredictionCache.Entry> cached = queries.cached(key);
        if (cached.isPresent()) {
            return Uni.createFrom().item(ok(cached.get()));
        }
        return Uni.createFrom()
                .item(() -> ok(queries.json(key)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Response ok(PredictionCache.Entry entry) {
        return Response.ok(entry.json(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, ETags.of(entry.version()))
                .build();
    }

    @PATCH
    @Path("{key}")
    @Consumes(MERGE_PATCH)
    @Operation(operationId = "editPrediction", summary = "Edit a prediction")
    @APIResponseSchema(PredictionView.class)
    @RolesAllowed(Roles.EDITOR)
    public Response patch(
            @PathParam("key") String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(AmendmentHeader.NAME) String amendment,
            byte[] body) {
        String reason = AmendmentHeader.decode(amendment);
        return withETag(
                predictions.edit(key, ETags.required(ifMatch), MergePatch.read(json, body), actor.name(), reason));
    }

    @DELETE
    @Path("{key}")
    @Operation(operationId = "deletePrediction", summary = "Delete a prediction")
    @APIResponse(responseCode = "204")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("key") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        predictions.delete(key, ETags.expected(ifMatch), actor.name());
        return Response.noContent().build();
    }

    @POST
    @Path("{key}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resolvePrediction", summary = "Resolve")
    @TransitionResponses
    @RolesAllowed(Roles.REVIEWER)
    public Response resolve(
            @PathParam("key") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Resolution body) {
        return execute(key, ifMatch, new Command.Resolve(body, config.verdict().disputeWindow()));
    }

    @DELETE
    @Path("{key}/resolution")
    @Operation(operationId = "reopenPrediction", summary = "Reopen")
    @TransitionResponses
    @RolesAllowed(Roles.REVIEWER)
    public Response reopen(
            @PathParam("key") String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("note") String note) {
        return execute(key, ifMatch, new Command.Reopen(note));
    }

    @POST
    @Path("{key}/deferral")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "deferPrediction", summary = "Defer")
    @TransitionResponses
    @RolesAllowed(Roles.REVIEWER)
    public Response defer(
            @PathParam("key") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Deferral body) {
        return execute(key, ifMatch, new Command.Defer(body));
    }

    @POST
    @Path("{key}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "withdrawPrediction", summary = "Withdraw")
    @RequestBody(required = false)
    @TransitionResponses
    @RolesAllowed({Roles.EDITOR, Roles.REVIEWER})
    public Response withdraw(
            @PathParam("key") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Withdrawal body) {
        return execute(key, ifMatch, new Command.Withdraw(body));
    }

    @DELETE
    @Path("{key}/withdrawal")
    @Operation(operationId = "restorePrediction", summary = "Restore")
    @TransitionResponses
    @RolesAllowed({Roles.EDITOR, Roles.REVIEWER})
    public Response restore(
            @PathParam("key") String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("note") String note) {
        return execute(key, ifMatch, new Command.Restore(note));
    }

    private Response execute(String key, String ifMatch, Command command) {
        return withETag(predictions.execute(key, ETags.expected(ifMatch), actor.name(), command));
    }

    private static Response withETag(PredictionView view) {
        return Response.ok(view)
                .header(HttpHeaders.ETAG, ETags.of(view.version()))
                .build();
    }
}
