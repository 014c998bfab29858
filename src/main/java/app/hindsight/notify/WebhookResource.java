package app.hindsight.notify;

import java.util.Arrays;
import java.util.Locale;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import app.hindsight.shared.Roles;
import app.hindsight.web.Actor;
import app.hindsight.web.ApiException;
import app.hindsight.web.Cursor;
import app.hindsight.web.Page;
import app.hindsight.web.PublicUrl;

@Path("/api/v1/webhooks")
@Tag(name = "Webhooks")
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
    @Operation(operationId = "listWebhooks", summary = "List webhook subscriptions")
    public RestResponse<Page<WebhookView>> list(
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        return Page.of(webhooks.list(Cursor.decode(cursor), Page.limit(limit))).toResponse(uri, publicUrl);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe a webhook")
    @APIResponse(
            responseCode = "201",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public Response create(NewWebhook body) {
        WebhookView created = webhooks.create(body, actor.name());
        return Response.created(publicUrl.of("/api/v1/webhooks/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook subscription")
    public WebhookView get(@PathParam("id") String id) {
        return webhooks.get(id(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook subscription")
    @APIResponse(responseCode = "204")
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(id(id));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "Delivery log of a webhook subscription")
    public RestResponse<Page<DeliveryView>> deliveries(
            @PathParam("id") String id,
            @Parameter(schema = @Schema(implementation = DeliveryStatus.class)) @QueryParam("status") String status,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
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
            // Any case, as everywhere else in queries and bodies.
            return DeliveryStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(
                    "status",
                    "'" + status + "' must be one of "
                            + Arrays.stream(DeliveryStatus.values())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }
}
