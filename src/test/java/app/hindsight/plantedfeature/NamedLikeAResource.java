package app.hindsight.plantedfeature;

import jakarta.ws.rs.core.Response;

/** Its name no longer makes a class a resource: only JAX-RS's {@code @Path} does. */
public class NamedLikeAResource {

    /** Nested, as an exemption by name would have let through. */
    public static class StatusResource {

        public int status(Response response) {
            return response.getStatus();
        }
    }
}
