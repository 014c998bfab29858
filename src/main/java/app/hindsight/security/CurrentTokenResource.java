package app.hindsight.security;

import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Whose the token of a request is, for any valid token: the review desk checks a pasted token with it, without the
 * admin role and without trying a write. A class of its own, since the rest of /tokens is admin-only (and the API
 * description takes a class's roles for its methods).
 */
@Path("/api/v1/tokens/current")
@Tag(name = "Tokens")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class CurrentTokenResource {

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(operationId = "currentToken", summary = "The token of this request")
    public CurrentToken current() {
        return new CurrentToken(identity.getPrincipal().getName(), new TreeSet<>(identity.getRoles()));
    }
}
