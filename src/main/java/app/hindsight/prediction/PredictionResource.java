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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import app.hindsight.HindsightConfig;
import app.hindsight.csv.CsvWriter;
import app.hindsight.json.MergePatch;
import app.hindsight.shared.ExpectedVersion;
import app.hindsight.shared.Roles;
import app.hindsight.web.Actor;
import app.hindsight.web.Cursor;
import app.hindsight.web.ETags;
import app.hindsight.web.Examples;
import app.hindsight.web.Page;
import app.hindsight.web.Problem;
import app.hindsight.web.PublicUrl;
import app.hindsight.web.TransitionResponses;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

@Path("/api/v1/predictions")
@Tag(name = "Predictions", description = "The ledger of predictions and their status machine")
@Produces(MediaType.APPLICATION_JSON)
public class PredictionResource {

    @Inject
    PublicUrl publicUrl;

    public static final String CSV = CsvWriter.MEDIA_TYPE;
    public static final String NDJSON = "application/x-ndjson";
    public static final String MERGE_PATCH = "application/merge-patch+json";

    // The JSON list and the two exports share one path and method, so SmallRye merges them into one operation,
    // each method overwriting the texts of the one before: the three carry the same texts, whatever the order.
    private static final String LIST_SUMMARY = "List predictions";
    private static final String LIST_DESCRIPTION = "Filters combine with AND. By default a JSON page, oldest "
            + "first, paged with an opaque cursor; a Link header with rel=\"next\" points to the next page. "
            + "Alternative representations stream every match, unpaged: Accept text/csv (one row a prediction, "
            + "a header row, topics joined with ';') or application/x-ndjson (one prediction a line). Every filter "
            + "but q has an index; a page examines at most a bounded number of predictions (422 beyond), so a "
            + "sparse filter with no index to narrow it may have to be combined with one that has. A page that is "
            + "full when that bound is reached has a nextCursor past everything examined.";
    private static final String LIST_OK = "A page of predictions (application/json), or every match as CSV "
            + "(text/csv) or NDJSON (application/x-ndjson)";
    private static final String LIST_BAD_REQUEST = "A bad filter, limit or cursor; errors names it";

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
    @Operation(operationId = "listPredictions", summary = LIST_SUMMARY, description = LIST_DESCRIPTION)
    @APIResponse(responseCode = "200", description = LIST_OK)
    @APIResponse(
            responseCode = "400",
            description = LIST_BAD_REQUEST,
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "bad cursor", value = Examples.BAD_CURSOR)))
    @APIResponse(
            responseCode = "422",
            description = "Finding the page would examine more predictions than one "
                    + "request may (the scan budget): the filters leave too little for an index to narrow, e.g. q alone "
                    + "on the embedded database. Narrow them, or ask for text/csv or application/x-ndjson, which stream "
                    + "every match",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "too costly", value = Examples.TOO_COSTLY)))
    @APIResponse(
            responseCode = "503",
            description = "The page took longer than one request may; ask again after " + "Retry-After seconds",
            headers = @Header(name = "Retry-After", ref = "#/components/headers/Retry-After"),
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "busy", value = Examples.BUSY)))
    @Parameter(
            name = "status",
            in = ParameterIn.QUERY,
            description = "OPEN, DUE, RESOLVED or WITHDRAWN; repeat or comma-separate for several",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Status.class, maxItems = 4))
    @Parameter(name = "kind", in = ParameterIn.QUERY, schema = @Schema(implementation = Kind.class))
    @Parameter(name = "topic", in = ParameterIn.QUERY, description = "a topic tag, e.g. cost")
    @Parameter(
            name = "speaker",
            in = ParameterIn.QUERY,
            description = "speaker name, case-insensitive (e.g. Sam Altman)")
    @Parameter(name = "source", in = ParameterIn.QUERY, description = "source key")
    @Parameter(
            name = "dueBefore",
            in = ParameterIn.QUERY,
            description = "dueAt before this date (start of day in the configured zone) or instant, exclusive")
    @Parameter(name = "dueAfter", in = ParameterIn.QUERY, description = "dueAt at or after this date or instant")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "text in the statement or the quote, case-insensitive")
    @Parameter(
            name = "limit",
            in = ParameterIn.QUERY,
            description = "1 to 500, default 50; JSON pages only",
            schema = @Schema(type = SchemaType.INTEGER))
    @Parameter(
            name = "cursor",
            in = ParameterIn.QUERY,
            description = "nextCursor of the previous page; JSON pages only")
    @RolesAllowed(Roles.READER)
    public RestResponse<Page<PredictionView>> list(@Context UriInfo uri) {
        var query = uri.getQueryParameters();
        PredictionFilter filter = PredictionFilter.parse(query, config.zone());
        return Page.of(queries.list(
                        filter, Cursor.decode(query.getFirst("cursor")), Page.limit(query.getFirst("limit"))))
                .toResponse(uri, publicUrl);
    }

    @GET
    @Produces(CSV + ";qs=0.5")
    @Operation(operationId = "listPredictions", summary = LIST_SUMMARY, description = LIST_DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = LIST_OK,
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "400",
            description = LIST_BAD_REQUEST,
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "bad cursor", value = Examples.BAD_CURSOR)))
    @RolesAllowed(Roles.READER)
    public Response exportCsv(@Context UriInfo uri) {
        StreamingOutput csv = export.csv(PredictionFilter.parse(uri.getQueryParameters(), config.zone()))::writeTo;
        return Response.ok(csv, CSV).build();
    }

    @GET
    @Produces(NDJSON + ";qs=0.5")
    @Operation(operationId = "listPredictions", summary = LIST_SUMMARY, description = LIST_DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = LIST_OK,
            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "400",
            description = LIST_BAD_REQUEST,
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "bad cursor", value = Examples.BAD_CURSOR)))
    @RolesAllowed(Roles.READER)
    public Response exportNdjson(@Context UriInfo uri) {
        StreamingOutput ndjson =
                export.ndjson(PredictionFilter.parse(uri.getQueryParameters(), config.zone()))::writeTo;
        return Response.ok(ndjson, NDJSON).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createPrediction",
            summary = "Create a prediction",
            description = "Starts OPEN. The key is generated from the statement when absent.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = NewPrediction.class),
                            examples = @ExampleObject(name = "coding forecast", value = Examples.NEW_PREDICTION)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag headers",
            headers = {
                @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PredictionView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body; errors name each field",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "409", description = "The key is taken")
    @APIResponse(responseCode = "413", description = "Body too large")
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
    @Operation(
            operationId = "getPrediction",
            summary = "Get a prediction",
            description = "The prediction with its "
                    + "status and resolution; the ETag header is its version, for If-Match on a later change.")
    @APIResponse(
            responseCode = "200",
            description = "The prediction; ETag header",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PredictionView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such prediction",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
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
    @Operation(
            operationId = "editPrediction",
            summary = "Edit a prediction",
            description = "JSON merge patch (RFC 7386) of the fields of NewPrediction "
                    + "except key; null removes an optional field. Requires If-Match with the current ETag. The result is "
                    + "validated like a create; an UPDATED event records each changed field, old and new.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MERGE_PATCH,
                            schema = @Schema(type = SchemaType.OBJECT),
                            examples = @ExampleObject(name = "retag", value = Examples.PATCH)))
    @APIResponse(
            responseCode = "200",
            description = "The edited prediction; its new ETag",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PredictionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid patch or result")
    @APIResponse(responseCode = "404", description = "No such prediction")
    @APIResponse(
            responseCode = "409",
            description = "observations-conflict: the metric would become LOG while observations of it are not above "
                    + "0 (the problem names them; retract them first)")
    @APIResponse(
            responseCode = "412",
            description = "If-Match is stale, or weak (W/...: If-Match compares strongly)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "stale", value = Examples.PRECONDITION_FAILED)))
    @APIResponse(responseCode = "415", description = "Not application/merge-patch+json")
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing, or * (which matches any version)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "missing", value = Examples.PRECONDITION_REQUIRED)))
    @RolesAllowed(Roles.EDITOR)
    public Response patch(
            @PathParam("key") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        ExpectedVersion expected = ETags.required(ifMatch);
        return withETag(predictions.edit(key, expected, MergePatch.read(json, body), actor.name()));
    }

    @DELETE
    @Path("{key}")
    @Operation(
            operationId = "deletePrediction",
            summary = "Delete a prediction",
            description = "Its history stays readable and ends with a DELETED event; the key is not reused.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such prediction")
    @APIResponse(
            responseCode = "412",
            description = "If-Match given and stale, or weak (W/...: If-Match compares strongly)")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("key") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        predictions.delete(key, ETags.expected(ifMatch), actor.name());
        return Response.noContent().build();
    }

    @POST
    @Path("{key}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "resolvePrediction",
            summary = "Resolve",
            description =
                    "OPEN or DUE to RESOLVED, with an outcome, a rationale (note) and evidence. resolvedOn defaults to today.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = Resolution.class),
                            examples = @ExampleObject(name = "correct", value = Examples.RESOLUTION)))
    @TransitionResponses
    @RolesAllowed(Roles.REVIEWER)
    public Response resolve(
            @PathParam("key") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Resolution body) {
        return execute(key, ifMatch, new Command.Resolve(body));
    }

    @DELETE
    @Path("{key}/resolution")
    @Operation(
            operationId = "reopenPrediction",
            summary = "Reopen",
            description = "RESOLVED to OPEN, or to DUE when dueAt has passed. The resolution stays in the history.")
    @TransitionResponses
    @RolesAllowed(Roles.REVIEWER)
    public Response reopen(
            @PathParam("key") String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "why it is reopened") @QueryParam("note") String note) {
        return execute(key, ifMatch, new Command.Reopen(note));
    }

    @POST
    @Path("{key}/deferral")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "deferPrediction",
            summary = "Defer",
            description = "DUE to OPEN until a later date; the target stays, nextReviewOn becomes until.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = Deferral.class),
                            examples = @ExampleObject(name = "defer", value = Examples.DEFERRAL)))
    @TransitionResponses
    @RolesAllowed(Roles.REVIEWER)
    public Response defer(
            @PathParam("key") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Deferral body) {
        return execute(key, ifMatch, new Command.Defer(body));
    }

    @POST
    @Path("{key}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "withdrawPrediction",
            summary = "Withdraw",
            description = "OPEN or DUE to WITHDRAWN, e.g. a mis-extraction. The body is optional.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Withdrawal.class)))
    @TransitionResponses
    @RolesAllowed({Roles.EDITOR, Roles.REVIEWER})
    public Response withdraw(
            @PathParam("key") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Withdrawal body) {
        return execute(key, ifMatch, new Command.Withdraw(body));
    }

    @DELETE
    @Path("{key}/withdrawal")
    @Operation(
            operationId = "restorePrediction",
            summary = "Restore",
            description = "WITHDRAWN to OPEN, or to DUE when dueAt has passed.")
    @TransitionResponses
    @RolesAllowed({Roles.EDITOR, Roles.REVIEWER})
    public Response restore(
            @PathParam("key") String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "why it is restored") @QueryParam("note") String note) {
        return execute(key, ifMatch, new Command.Restore(note));
    }

    @GET
    @Path("{key}/history")
    @Operation(
            operationId = "getPredictionHistory",
            summary = "History",
            description = "Every event, oldest first, paged with an opaque cursor (a Link header with rel=\"next\" "
                    + "points to the next page). Kept after a delete.")
    @APIResponse(responseCode = "200", description = "A page of events; a Link header points to the next one")
    @APIResponse(
            responseCode = "400",
            description = "Bad limit or cursor",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "bad cursor", value = Examples.BAD_CURSOR)))
    @APIResponse(responseCode = "404", description = "No prediction ever had this key")
    @RolesAllowed(Roles.READER)
    public RestResponse<Page<EventView>> history(
            @PathParam("key") String key,
            @Parameter(description = "1 to 500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return Page.of(history.of(key, Cursor.decode(cursor), Page.limit(limit)))
                .toResponse(uri, publicUrl);
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
