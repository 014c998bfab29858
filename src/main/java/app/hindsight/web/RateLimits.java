package app.hindsight.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import app.hindsight.HindsightConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Rate limits on the API and every page (the desk's, the digest's), not on Quarkus's own endpoints under /q/
 * (health, metrics, the API description, Swagger UI) nor on the desk's static files: a token bucket per API token,
 * and one per client address for everything else.
 *
 * <p>A token's bucket is keyed by the token itself, as the bearer mechanism reads it (any spelling of the scheme,
 * any whitespace), so spelling the header differently buys no fresh bucket. A token only counts as one once it has
 * authenticated in this process: until then a request that carries it is charged to its address, and refused there,
 * before the token is looked up, when the address is out of requests. Random tokens thus cost a client what
 * anonymous requests do, and a flood of them never reaches the database. A token that fails authentication is
 * forgotten again (it was revoked).
 *
 * <p>A caller over its limit gets a 429 problem document with Retry-After (pages too: the refusal comes before any
 * page is rendered, as the request guard's do); every limited response carries RateLimit-Limit,
 * RateLimit-Remaining and RateLimit-Reset (seconds until the bucket is full again). Buckets live in this process:
 * with several replicas behind a balancer each enforces its own.
 */
@ApplicationScoped
public class RateLimits {

    /** After the request guard's refusals, before authentication. */
    static final int PRIORITY = RequestGuard.PRIORITY - 1;

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Inject
    HindsightConfig config;

    @Inject
    Clock clock;

    @Inject
    RouteProblems problems;

    /** One bucket per caller; idle ones are forgotten (a full bucket is what a new caller gets anyway). */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    /** Hashes of tokens that authenticated lately: the limiter holds no secret. */
    private final Cache<String, Boolean> authenticated = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    /** Bucket4j measures time with the application's clock, so tests can move it. */
    private final TimeMeter time = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    };

    private record Decision(long limit, ConsumptionProbe probe) {}

    void register(@Observes Filters filters) {
        filters.register(this::limit, PRIORITY);
    }

    void limit(RoutingContext ctx) {
        HindsightConfig.RateLimit settings = config.rateLimit();
        if (!settings.enabled() || !limited(ResponseHeaders.path(ctx))) {
            ctx.next();
            return;
        }
        HttpServerRequest request = ctx.request();
        String secret = BearerTokenMechanism.secret(request.getHeader(HttpHeaders.AUTHORIZATION));
        String token = secret == null ? null : sha256(secret);
        boolean byToken = token != null && authenticated.getIfPresent(token) != null;
        long perMinute = byToken ? settings.tokenPerMinute() : settings.anonymousPerMinute();
        String caller = byToken ? "token:" + token : "address:" + address(request);
        Bucket bucket = buckets.get(
                caller + "/" + perMinute,
                key -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, MINUTE))
                        .withCustomTimePrecision(time)
                        .build());
        Decision decision = new Decision(perMinute, bucket.tryConsumeAndReturnRemaining(1));
        headers(decision).forEach((name, value) -> ctx.response().putHeader(name, value));
        if (decision.probe().isConsumed()) {
            ctx.next();
            return;
        }
        long retryAfter = seconds(decision.probe().getNanosToWaitForRefill());
        ctx.response().putHeader("Retry-After", String.valueOf(retryAfter));
        String who = byToken
                ? "with this token"
                : token == null
                        ? "from this address"
                        : "from this address (a token counts there until it has "
                                + "authenticated, and failed authentications count there)";
        problems.send(
                ctx,
                429,
                "rate-limited",
                "Too many requests",
                "more than " + perMinute + " requests a minute " + who + "; retry in " + retryAfter + " s",
                mayHaveBody(request));
    }

    /** A token authenticated: its requests are its own bucket's from now on. */
    public void authenticated(String secret) {
        if (config.rateLimit().enabled()) {
            authenticated.put(sha256(secret), Boolean.TRUE);
        }
    }

    /** A token failed authentication (unknown or revoked): its requests are its address's again. */
    public void refused(String secret) {
        if (config.rateLimit().enabled()) {
            authenticated.invalidate(sha256(secret));
        }
    }

    /**
     * The API and every page; not Quarkus's own endpoints (/q/...) nor the desk's files, whose names have a dot
     * (the pages that load them were counted).
     */
    static boolean limited(String path) {
        if (path.equals("/q") || path.startsWith("/q/")) {
            return false;
        }
        return !(path.startsWith("/desk/") && path.lastIndexOf('.') > path.lastIndexOf('/'));
    }

    private static Map<String, String> headers(Decision decision) {
        return Map.of(
                "RateLimit-Limit",
                String.valueOf(decision.limit()),
                "RateLimit-Remaining",
                String.valueOf(decision.probe().getRemainingTokens()),
                "RateLimit-Reset",
                String.valueOf(seconds(decision.probe().getNanosToWaitForReset())));
    }

    /** A refused request's body is never read: the connection is closed so that it is not taken for the next one. */
    private static boolean mayHaveBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || (length != null && !length.strip().equals("0"));
    }

    /**
     * The peer's address; behind a proxy, set quarkus.http.proxy.proxy-address-forwarding so that it is the
     * client's, not the proxy's.
     */
    private static String address(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    private static long seconds(long nanos) {
        return Math.max(0, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
