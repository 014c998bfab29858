package app.hindsight.web;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.hindsight.shared.FieldError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem documents written straight to Vert.x, for answers given outside JAX-RS (whose own go through
 * {@link ProblemMapper}): the request guard, router failures, the authentication challenge.
 */
@ApplicationScoped
public class RouteProblems {

    @Inject
    ObjectMapper json;

    /**
     * Ends the exchange with a problem document. {@code close} where the body may not have been read, so its
     * bytes are never taken for the next request on the connection.
     */
    public void send(RoutingContext ctx, int status, String type, String title, String detail, boolean close) {
        send(ctx, status, type, title, detail, List.of(), close);
    }

    /** As above, with the fields at fault. */
    public void send(
            RoutingContext ctx,
            int status,
            String type,
            String title,
            String detail,
            List<FieldError> errors,
            boolean close) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        // The path only when it is plain ASCII: refused bytes are not echoed back as if they were text.
        String path = ctx.request().path();
        URI instance = path != null && RequestGuard.targetProblem(path) == null ? URI.create(path) : null;
        Problem problem =
                new Problem(URI.create("/problems/" + type), title, status, detail, instance, errors, null, List.of());
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        // A request the router failed before any filter ran (HTTP/1.1 without Host) gets them here.
        ResponseHeaders.apply(response.headers(), ResponseHeaders.path(ctx));
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.end(Buffer.buffer(body));
    }
}
