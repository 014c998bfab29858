package app.hindsight.web;

import java.net.URI;

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
        return Response.seeOther(URI.create("/q/swagger-ui")).build();
    }
}
