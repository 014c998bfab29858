package app.hindsight.plantedfeature;

import jakarta.ws.rs.core.Response;

/** A service that answers in HTTP: the status code belongs to the web layer. */
public class JaxRsLeak {

    public Response answer() {
        return Response.noContent().build();
    }
}
