package app.hindsight.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Security and caching headers on every response, errors and refusals included (set as the headers are written,
 * so whatever answered). An endpoint that sets one of them itself keeps its own.
 *
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: no-referrer} everywhere.
 * <li>{@code Content-Security-Policy: default-src 'none'; frame-ancestors 'none'}: an API response is data, never
 * a document that may load or run anything, or be framed. Swagger UI's page runs its own scripts and styles, inline
 * ones among them, so it gets only {@code frame-ancestors 'none'} (no clickjacking of the page a token is pasted
 * into). The review desk's pages ({@code /} and {@code /desk/...}) load their stylesheet, images (charts) and, for
 * their forms, scripts from this origin and nowhere else, inline ones never.
 * <li>{@code X-Frame-Options: DENY} beside every {@code frame-ancestors 'none'}, for browsers that predate CSP 2.
 * <li>{@code Cache-Control: no-store} on every {@code /api/} response: some carry secrets shown once (a new token,
 * a webhook's signing secret), reads may be a token's (anonymous reads can be off), the data changes with every
 * review, and there is no conditional GET to revalidate with (ETags serve If-Match). The calendar feed is polled
 * on the app's own schedule and asks for a six-hour refresh in the feed itself, so it gains nothing from a cache
 * either. Swagger UI's static files keep Quarkus's own caching.
 * </ul>
 */
@ApplicationScoped
public class ResponseHeaders {

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    static final String PAGE_CSP = "frame-ancestors 'none'";
    static final String DESK_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    void register(@Observes Filters filters) {
        // Before RequestGuard, so that its refusals carry these too.
        filters.register(this::add, RequestGuard.PRIORITY + 1);
    }

    void add(RoutingContext ctx) {
        String path = path(ctx);
        ctx.addHeadersEndHandler(ignored -> apply(ctx.response().headers(), path));
        ctx.next();
    }

    /** The normalized path (so {@code /q/swagger-ui/../../api/...} is an API path); "/" when there is none. */
    static String path(RoutingContext ctx) {
        try {
            String path = ctx.normalizedPath();
            return path == null ? "/" : path;
        } catch (RuntimeException e) {
            return "/";
        }
    }

    static void apply(MultiMap headers, String path) {
        headers.set("X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "Referrer-Policy", "no-referrer");
        boolean swaggerUi = path.equals("/q/swagger-ui") || path.startsWith("/q/swagger-ui/");
        boolean desk = path.equals("/") || path.equals("/desk") || path.startsWith("/desk/");
        setIfAbsent(headers, "Content-Security-Policy", swaggerUi ? PAGE_CSP : desk ? DESK_CSP : API_CSP);
        if (headers.get("Content-Security-Policy").contains("frame-ancestors 'none'")) {
            setIfAbsent(headers, "X-Frame-Options", "DENY");
        }
        if (path.startsWith("/api/")) {
            setIfAbsent(headers, "Cache-Control", "no-store");
        }
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
