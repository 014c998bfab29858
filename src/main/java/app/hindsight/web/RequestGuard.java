package app.hindsight.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import app.hindsight.HindsightConfig;
import app.hindsight.shared.FieldError;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/**
 * The HTTP layer's refusals as problem documents. Runs first on every request, before authentication and before
 * JAX-RS: a request target that is not a valid URI (a malformed percent-encoding such as {@code ?q=%zz}) or is not
 * printable ASCII, one whose path or query parameters are not strict UTF-8 or not one line of text (TargetText),
 * one longer than hindsight.http.max-uri-length (414), headers over hindsight.http.max-header-size
 * (431), a declared body over the limit of its endpoint (413), and an HTTP/1.0 request without Host (400). And a
 * request that fails in the router itself (HTTP/1.1 without Host, an HTTP permission) is answered here in the same
 * shape.
 *
 * <p>Vert.x's own parser still answers some requests before any of this runs, with an empty body: a control byte
 * in a header, a request line that cannot be split, and request lines or headers past its limits
 * (quarkus.http.limits.*, set above ours so that ours answer first). Quarkus 3.33 offers no hook there (Vert.x's
 * HttpServer#invalidRequestHandler must be set before the server listens, and Quarkus creates it).
 */
@ApplicationScoped
public class RequestGuard {

    /** Before CORS, authentication and everything else Quarkus registers as a filter. */
    static final int PRIORITY = 10_000;

    private static final String NO_HOST = "the request has no Host header";

    @Inject
    HindsightConfig config;

    @Inject
    RouteProblems problems;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void failures(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HindsightConfig.Http limits = config.http();
        String target = request.uri();
        if (target.length() > limits.maxUriLength()) {
            refuse(
                    ctx,
                    414,
                    "uri-too-long",
                    "URI too long",
                    "the request target has " + target.length() + " characters; at most " + limits.maxUriLength()
                            + " are accepted");
            return;
        }
        String problem = targetProblem(target);
        if (problem != null) {
            refuse(ctx, 400, "malformed-request", "Malformed request", problem);
            return;
        }
        FieldError text = TargetText.problem(target);
        if (text != null) {
            // Worded as a field error of JAX-RS's own, since the parameter is one, but refused before any resource
            // (and any database) sees it.
            problems.send(
                    ctx,
                    400,
                    "invalid-request",
                    "The request is not valid",
                    text.field() + ": " + text.message(),
                    List.of(text),
                    true);
            return;
        }
        if (request.authority() == null && !isHealth(ctx.normalizedPath())) {
            // HTTP/1.0 may leave Host out (Vert.x refuses HTTP/1.1 without it, see failed()); the request URI that
            // JAX-RS and the links build on needs one.
            refuse(ctx, 400, "malformed-request", "Malformed request", NO_HOST);
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > limits.maxHeaderSize()) {
            refuse(
                    ctx,
                    431,
                    "headers-too-large",
                    "Request header fields too large",
                    "the request's headers have " + headerBytes + " bytes; at most " + limits.maxHeaderSize()
                            + " are accepted");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long max = BodyLimit.maxFor(ctx.normalizedPath(), config);
            long size;
            try {
                size = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 0) {
                refuse(ctx, 400, "malformed-request", "Malformed request", "Content-Length is not a number of bytes");
                return;
            }
            if (size > max) {
                refuse(
                        ctx,
                        413,
                        "body-too-large",
                        "Request body too large",
                        "the body has " + size + " bytes; at most " + max + " bytes are accepted here");
                return;
            }
        }
        ctx.next();
    }

    /**
     * Probes may send HTTP/1.0 without Host (HAProxy's httpchk does by default); health answers need no links, so
     * they are spared.
     */
    private static boolean isHealth(String path) {
        return path != null && (path.equals("/q/health") || path.startsWith("/q/health/"));
    }

    /** Why this request target is refused, or null. Netty hands over its bytes as ISO-8859-1 characters. */
    static String targetProblem(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return "the request target has a byte that is not printable ASCII at character " + (i + 1)
                        + "; percent-encode it, as UTF-8 (é is %C3%A9, a space %20)";
            }
        }
        try {
            new URI(target);
            return null;
        } catch (URISyntaxException e) {
            return "the request target is not a valid URI: " + e.getReason().toLowerCase() + " at character "
                    + (e.getIndex() + 1) + "; a % must start a percent-encoding such as %25 (for %) or %C3%A9";
        }
    }

    /** Failures in the router, outside JAX-RS (whose own are mapped by ProblemMapper). */
    void failed(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        Throwable failure = ctx.failure();
        int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        if (failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"hindsight\"");
            problems.send(
                    ctx,
                    401,
                    "unauthorized",
                    "Unauthorized",
                    failure instanceof AuthenticationFailedException failed
                            ? BearerTokenMechanism.detail(failed)
                            : "send an API token: Authorization: Bearer <token>",
                    false);
            return;
        }
        if (failure instanceof ForbiddenException) {
            problems.send(ctx, 403, "forbidden", "Forbidden", "this token may not use " + ctx.normalizedPath(), false);
            return;
        }
        if (status < 400) {
            status = 500;
        }
        if (status == 400 && ctx.request().authority() == null) {
            refuse(ctx, 400, "malformed-request", "Malformed request", NO_HOST);
            return;
        }
        if (status >= 500) {
            Log.errorf(failure, "Unexpected error on %s", ctx.normalizedPath());
            problems.send(
                    ctx,
                    500,
                    "internal-error",
                    "Internal error",
                    "the server failed to handle this request; it has been logged",
                    false);
            return;
        }
        String title =
                io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
        String detail = switch (status) {
            case 400 -> "the request is malformed";
            case 404 -> "no resource at " + ctx.normalizedPath();
            case 405 -> "method not allowed on " + ctx.normalizedPath();
            case 413 -> "the request body is too large";
            default -> title;
        };
        // A request that failed before it was read through (malformed, too large) leaves its body unread.
        problems.send(
                ctx,
                status,
                title.toLowerCase().replaceAll("[^a-z0-9]+", "-"),
                title,
                detail,
                status == 400 || status == 413);
    }

    /**
     * A refusal before the request was routed: the connection is closed after it, since a body the client may be
     * sending was never read.
     */
    private void refuse(RoutingContext ctx, int status, String type, String title, String detail) {
        problems.send(ctx, status, type, title, detail, true);
    }
}
