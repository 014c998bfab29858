package app.hindsight.web;

import java.lang.reflect.Method;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * A body without a Content-Type is refused (415) instead of being read as whatever the endpoint consumes: the
 * client hears which type to send, and a body is never parsed on a guess. Requests without a body (a withdrawal
 * with no note, a job run) need none.
 */
public class RequireContentType {

    @ServerRequestFilter
    public void check(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null || !hasBody(request)) {
            return;
        }
        throw new ApiException(
                415,
                "unsupported-media-type",
                "Unsupported Media Type",
                "the request has a body but no Content-Type; send Content-Type: " + consumed(resource),
                null,
                null);
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }

    /** The endpoint's @Consumes, e.g. "application/json" or "application/json or application/x-ndjson". */
    private static String consumed(SimpleResourceInfo resource) {
        Consumes consumes = null;
        if (resource != null && resource.getResourceClass() != null) {
            try {
                Method method =
                        resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
                consumes = method.getAnnotation(Consumes.class);
            } catch (NoSuchMethodException e) {
                // the class's annotation, or the default below
            }
            if (consumes == null) {
                consumes = resource.getResourceClass().getAnnotation(Consumes.class);
            }
        }
        if (consumes != null && java.util.Arrays.asList(consumes.value()).contains("*/*")) {
            // An endpoint that reads several types (a transcript) says which in its own refusal.
            return "the type of the body";
        }
        return consumes == null ? "application/json" : String.join(" or ", consumes.value());
    }

    /**
     * What to send instead: every PATCH of this API is a JSON merge patch, and the other bodies are JSON (an import
     * takes NDJSON too, a transcript takes any type and says so itself).
     */
    static String unsupported(String method, String sent) {
        String was = sent == null ? "this Content-Type" : "Content-Type " + sent;
        if ("PATCH".equals(method)) {
            return was + " is not accepted: a PATCH is a JSON merge patch (RFC 7396), send Content-Type: "
                    + "application/merge-patch+json";
        }
        return was + " is not accepted here: send Content-Type: application/json (an import also takes "
                + "application/x-ndjson)";
    }
}
