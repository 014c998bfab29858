package app.hindsight.digest;

import java.util.Arrays;
import java.util.stream.Collectors;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import app.hindsight.shared.Roles;
import app.hindsight.web.Actor;
import app.hindsight.web.ApiException;
import app.hindsight.web.Cursor;
import app.hindsight.web.Page;
import app.hindsight.web.Problem;
import app.hindsight.web.PublicUrl;
import io.quarkus.security.Authenticated;

@Path("/api/v1/subscriptions")
@Tag(
        name = "Digests",
        description = "Email digests of notices: any token subscribes an address, which confirms by mail before "
                + "anything else is sent; admins list and delete subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    static final String NEW_SUBSCRIPTION = """
            {"email": "reviewer@example.org", "events": ["prediction.due", "prediction.upcoming", "review.overdue"], \
            "topics": ["cost"], "speakers": ["Sam Altman"], "cadence": "DAILY"}""";

    static final String SUBSCRIPTION = """
            {"id": 3, "email": "reviewer@example.org", \
            "events": ["prediction.due", "prediction.upcoming", "review.overdue"], "topics": ["cost"], \
            "speakers": ["Sam Altman"], "cadence": "DAILY", "status": "PENDING", \
            "createdAt": "2028-01-01T09:00:00Z", "createdBy": "alice", "confirmedAt": null, \
            "confirmBy": "2028-01-03T09:00:00Z", "endedAt": null}""";

    static final String INVALID = """
            {"type": "/problems/invalid-request", "title": "The request is not valid", "status": 400, \
            "detail": "email: must be an email address like reviewer@example.org", "instance": "/api/v1/subscriptions", \
            "errors": [{"field": "email", "message": "must be an email address like reviewer@example.org"}]}""";

    static final String TOO_MANY = """
            {"type": "/problems/too-many-subscriptions", "title": "Conflict", "status": 409, \
            "detail": "this token has 10 subscriptions pending or active, the most one may have \
            (hindsight.digest.max-per-token); an admin can delete some, or a subscriber unsubscribe", \
            "instance": "/api/v1/subscriptions"}""";

    static final String NOT_FOUND = """
            {"type": "/problems/not-found", "title": "Not found", "status": 404, \
            "detail": "subscription '99' does not exist", "instance": "/api/v1/subscriptions/99"}""";

    @Inject
    Subscriptions subscriptions;

    @Inject
    PublicUrl publicUrl;

    @Inject
    Actor actor;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(
            operationId = "subscribe",
            summary = "Subscribe an address to the digest",
            description =
                    "Any token may subscribe an address. The subscription is PENDING: a confirmation mail goes to "
                            + "the address, with a link that works once and for 48 hours (hindsight.digest.confirm-within); only "
                            + "once it is opened and confirmed do digests go out: DAILY at 07:00 in hindsight.zone, or WEEKLY "
                            + "on Mondays, each listing the new notices of the chosen kinds (all four when events is absent), "
                            + "topics and speakers, and none when there is nothing new. A token may have "
                            + "hindsight.digest.max-per-token (10) subscriptions pending or active.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = NewSubscription.class),
                            examples = @ExampleObject(name = "daily, cost topics", value = NEW_SUBSCRIPTION)))
    @APIResponse(
            responseCode = "201",
            description = "Subscribed, PENDING; the confirmation mail is on its way",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubscriptionView.class),
                            examples = @ExampleObject(name = "pending", value = SUBSCRIPTION)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body: an address that is not one, unknown notice kinds or cadence, too many "
                    + "topics or speakers; errors name each field",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid", value = INVALID)))
    @APIResponse(
            responseCode = "409",
            description = "This token has as many subscriptions pending or active as it may",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "too many", value = TOO_MANY)))
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(responseCode = "415", description = "Not application/json")
    @APIResponse(
            responseCode = "503",
            description = "The SMTP server did not take the confirmation mail; nothing was stored, Retry-After says "
                    + "when to try again",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait before trying again",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0")))
    public Response create(NewSubscription body) {
        return Response.status(Response.Status.CREATED)
                .entity(subscriptions.subscribe(body, actor.name()))
                .build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "listSubscriptions",
            summary = "List digest subscriptions",
            description =
                    "Oldest first, paged with an opaque cursor (a Link header with rel=\"next\" points to the next "
                            + "page); never their links' tokens.")
    @APIResponse(
            responseCode = "200",
            description = "A page of subscriptions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            properties = {
                                                @SchemaProperty(
                                                        name = "items",
                                                        type = SchemaType.ARRAY,
                                                        implementation = SubscriptionView.class),
                                                @SchemaProperty(
                                                        name = "nextCursor",
                                                        type = SchemaType.STRING,
                                                        description = "cursor of the next page; null on the last")
                                            })))
    @APIResponse(responseCode = "400", description = "A bad status, limit or cursor; errors names it")
    public RestResponse<Page<SubscriptionView>> list(
            @Parameter(
                            description = "only subscriptions in this status",
                            schema = @Schema(implementation = SubscriptionStatus.class))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "1 to 500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return Page.of(subscriptions.list(status(status), Cursor.decode(cursor), Page.limit(limit)))
                .toResponse(uri, publicUrl);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "deleteSubscription",
            summary = "Delete a digest subscription",
            description = "Nothing more is sent to it; its digests are deleted with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "404",
            description = "No such subscription",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public Response delete(@PathParam("id") String id) {
        subscriptions.delete(ApiException.idOf("subscription", id));
        return Response.noContent().build();
    }

    private static SubscriptionStatus status(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        try {
            return SubscriptionStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(
                    "status",
                    "must be one of "
                            + Arrays.stream(SubscriptionStatus.values())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }
}
