package app.hindsight.security;

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

@Path("/api/v1/tokens")
@Tag(name = "Tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class TokenResource {

    @Inject
    PublicUrl publicUrl;

    @Inject
    TokenService tokens;

    @Inject
    Actor actor;

    @GET
    @Operation(operationId = "listTokens", summary = "List tokens")
    public RestResponse<Page<TokenView>> list(
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        return Page.of(tokens.list(Cursor.decode(cursor), Page.limit(limit))).toResponse(uri, publicUrl);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createToken", summary = "Create a token")
    @APIResponseSchema(value = TokenView.class, responseCode = "201")
    public Response create(NewToken body) {
        TokenView created = tokens.create(body, actor.name());
        return Response.created(publicUrl.of("/api/v1/tokens/" + created.id()))
                .entity(created)
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke a token")
    @APIResponse(responseCode = "204")
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(ApiException.idOf("token", id), actor.name());
        return Response.noContent().build();
    }
}
