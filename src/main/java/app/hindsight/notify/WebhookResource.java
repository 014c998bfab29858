package app.hindsight.notify;

import java.util.Arrays;
import java.util.List;
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
import app.hindsight.web.Examples;
import app.hindsight.web.Page;
import app.hindsight.web.Problem;
import app.hindsight.web.PublicUrl;

@Path("/api/v1/webhooks")
@Tag(
        name = "Webhooks",
        description =
                "Subscriptions to notices (prediction.due, prediction.upcoming, review.overdue, prediction.off-track), "
                        + "signed the Standard Webhooks way, and their delivery log (admin)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {

    @Inject
    PublicUrl publicUrl;

    @Inject
    WebhookService webhooks;

    @Inject
    Actor actor;

    @GET
    @Operation(
            operationId = "listWebhooks",
            summary = "List webhook subscriptions",
            description = "Every subscription, oldest first, disabled ones " + "included; never the secrets.")
    @APIResponse(
            responseCode = "200",
            description = "The subscriptions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookView.class)))
    public List<WebhookView> list() {
        return webhooks.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createWebhook",
            summary = "Subscribe a webhook",
            description = "From now on, each new notice of the chosen kinds is "
                    + "POSTed to the URL with the Standard Webhooks headers webhook-id, webhook-timestamp and "
                    + "webhook-signature. The signing secret is in the response's secret field, and only there. Notices "
                    + "created before the subscription are not sent.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = NewWebhook.class),
                            examples = @ExampleObject(name = "chat bridge", value = Examples.NEW_WEBHOOK)))
    @APIResponse(
            responseCode = "201",
            description = "Subscribed; Location names it; the secret is shown this once",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookView.class),
                            examples = @ExampleObject(name = "created", value = Examples.WEBHOOK_CREATED)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body: a URL that is not http(s), has user-info or no "
                    + "host, or whose host is not a public address (loopback, private, link-local, ...; in any "
                    + "spelling, and after resolving a name); missing or unknown event types; errors name each field",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid", value = Examples.INVALID_WEBHOOK)))
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(responseCode = "415", description = "Not application/json")
    public Response create(NewWebhook body) {
        WebhookView created = webhooks.create(body, actor.name());
        return Response.created(publicUrl.of("/api/v1/webhooks/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(
            operationId = "getWebhook",
            summary = "Get a webhook subscription",
            description = "Without its secret. enabled is false once it "
                    + "was disabled after failing deliveries; disabledReason says why.")
    @APIResponse(
            responseCode = "200",
            description = "The subscription",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such subscription",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Examples.WEBHOOK_NOT_FOUND)))
    public WebhookView get(@PathParam("id") String id) {
        return webhooks.get(id(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "deleteWebhook",
            summary = "Delete a webhook subscription",
            description = "Nothing more is sent to it; its deliveries " + "and their attempts are deleted with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "404",
            description = "No such subscription",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Examples.WEBHOOK_NOT_FOUND)))
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(id(id));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "Delivery log of a webhook subscription",
            description = "Newest first, paged with an opaque "
                    + "cursor (a Link header with rel=\"next\" points to the next page). Each delivery has its notice's kind "
                    + "and prediction, its status (PENDING, DELIVERED, FAILED), when the next attempt is due, and every "
                    + "attempt with its HTTP status code (or the error when there was no response) and duration.")
    @APIResponse(
            responseCode = "200",
            description = "A page of deliveries",
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
                                                        implementation = DeliveryView.class),
                                                @SchemaProperty(
                                                        name = "nextCursor",
                                                        type = SchemaType.STRING,
                                                        description = "cursor of the next page; null on the last")
                                            }),
                            examples =
                                    @ExampleObject(
                                            name = "delivered on the third attempt",
                                            value = Examples.WEBHOOK_DELIVERIES)))
    @APIResponse(
            responseCode = "400",
            description = "A bad status, limit or cursor; errors names it",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "bad cursor", value = Examples.BAD_CURSOR)))
    @APIResponse(
            responseCode = "404",
            description = "No such subscription",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Examples.WEBHOOK_NOT_FOUND)))
    public RestResponse<Page<DeliveryView>> deliveries(
            @PathParam("id") String id,
            @Parameter(
                            description = "only deliveries in this status",
                            schema = @Schema(implementation = DeliveryStatus.class))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "1 to 500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        long webhookId = id(id);
        return Page.of(webhooks.deliveries(webhookId, status(status), Cursor.decode(cursor), Page.limit(limit)))
                .toResponse(uri, publicUrl);
    }

    private static long id(String id) {
        return ApiException.idOf("webhook", id);
    }

    private static DeliveryStatus status(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(
                    "status",
                    "must be one of "
                            + Arrays.stream(DeliveryStatus.values())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }
}
