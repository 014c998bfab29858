package app.hindsight.digest;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import app.hindsight.shared.Roles;
import app.hindsight.web.Actor;
import app.hindsight.web.ApiException;
import app.hindsight.web.Cursor;
import app.hindsight.web.Page;
import app.hindsight.web.PublicUrl;
import io.quarkus.security.Authenticated;

@Path("/api/v1/subscriptions")
@Tag(name = "Digests")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    @Inject
    Subscriptions subscriptions;

    @Inject
    PublicUrl publicUrl;

    @Inject
    Actor actor;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(operationId = "subscribe", summary = "Subscribe an address to the digest")
    @APIResponseSchema(value = SubscriptionView.class, responseCode = "201")
    public Response create(NewSubscription body) {
        SubscriptionView created = subscriptions.subscribe(body, actor.name());
        // Where it can be ended (DELETE), as every 201 of the API names what it created.
        return Response.created(publicUrl.of("/api/v1/subscriptions/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listSubscriptions", summary = "List digest subscriptions")
    public RestResponse<Page<SubscriptionView>> list(
            @Parameter(schema = @Schema(implementation = SubscriptionStatus.class)) @QueryParam("status") String status,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return Page.of(subscriptions.list(status(status), Cursor.decode(cursor), Page.limit(limit)))
                .toResponse(uri, publicUrl);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteSubscription", summary = "Delete a digest subscription")
    @APIResponse(responseCode = "204")
    public Response delete(@PathParam("id") String id) {
        subscriptions.delete(ApiException.idOf("subscription", id));
        return Response.noContent().build();
    }

    private static SubscriptionStatus status(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        try {
            // Any case, as everywhere else in queries and bodies.
            return SubscriptionStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(
                    "status",
                    "'" + status + "' must be one of "
                            + Arrays.stream(SubscriptionStatus.values())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }
}
