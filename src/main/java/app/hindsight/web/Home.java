package app.hindsight.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /} is for people: it sends them to Swagger UI, where the API can be read and tried. The review desk
 * will take this address over.
 */
@Path("/")
public class Home {

    @GET
    @PermitAll
    @Operation(hidden = true)
    public Response home() {
        // Relative (RFC 9110 allows it): JAX-RS would make URI.create(...) absolute with the request's Host.
        return Response.status(Response.Status.SEE_OTHER)
                .header("Location", "/q/swagger-ui")
                .build();
    }
}
