package app.hindsight.security;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.hindsight.shared.Roles;
import app.hindsight.web.Actor;
import app.hindsight.web.ApiException;
import app.hindsight.web.PublicUrl;

@Path("/api/v1/tokens")
@Tag(name = "Tokens", description = "API tokens (admin)")
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
    @Operation(
            operationId = "listTokens",
            summary = "List tokens",
            description = "Every token, revoked ones included; never the secrets.")
    @APIResponse(responseCode = "200", description = "The tokens")
    public List<TokenView> list() {
        return tokens.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createToken",
            summary = "Create a token",
            description = "The secret is in the response's token field, and only there: it is stored as a hash.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = NewToken.class),
                            examples =
                                    @ExampleObject(
                                            name = "reviewer",
                                            value = "{\"name\": \"alice\", \"roles\": [\"reviewer\"]}")))
    @APIResponse(
            responseCode = "201",
            description = "Created; the secret is shown this once",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TokenView.class)))
    @APIResponse(responseCode = "400", description = "Invalid name or roles")
    @APIResponse(responseCode = "409", description = "The name is taken")
    public Response create(NewToken body) {
        TokenView created = tokens.create(body, actor.name());
        return Response.created(publicUrl.of("/api/v1/tokens/" + created.id()))
                .entity(created)
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "revokeToken",
            summary = "Revoke a token",
            description = "Effective immediately. The token stays listed, with revokedAt.")
    @APIResponse(responseCode = "204", description = "Revoked (or already revoked)")
    @APIResponse(responseCode = "404", description = "No such token")
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(ApiException.idOf("token", id), actor.name());
        return Response.noContent().build();
    }
}
