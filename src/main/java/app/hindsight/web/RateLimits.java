package app.hindsight.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import app.hindsight.HindsightConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.vertx.core.http.HttpServerRequest;

/**
 * Rate limits on the API (not on health, metrics or Swagger UI): a token bucket per API token, and per client
 * address for calls without one. A caller over its limit gets a 429 problem document with Retry-After; every
 * limited response carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset (seconds until the bucket is
 * full again). Buckets live in this process: with several replicas behind a balancer each enforces its own.
 */
public class RateLimits {

    private static final String DECISION = RateLimits.class.getName();
    private static final Duration MINUTE = Duration.ofMinutes(1);

    // Providers: filters are built at static init, before runtime configuration exists.
    @Inject
    Provider<HindsightConfig> config;

    @Inject
    Provider<Clock> clock;

    /** One bucket per caller; idle ones are forgotten (a full bucket is what a new caller gets anyway). */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    /** Bucket4j measures time with the application's clock, so tests can move it. */
    private final TimeMeter time = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return clock.get().millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    };

    record Decision(long limit, ConsumptionProbe probe) {}

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request, HttpServerRequest http) {
        HindsightConfig.RateLimit settings = config.get().rateLimit();
        if (!settings.enabled() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean token = authorization != null && !authorization.isBlank();
        // A token's bucket is keyed by its hash: the limiter holds no secret.
        String caller = token ? "token:" + sha256(authorization.strip()) : "address:" + address(http);
        long perMinute = token ? settings.tokenPerMinute() : settings.anonymousPerMinute();
        Bucket bucket = buckets.get(
                caller + "/" + perMinute,
                key -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, MINUTE))
                        .withCustomTimePrecision(time)
                        .build());
        Decision decision = new Decision(perMinute, bucket.tryConsumeAndReturnRemaining(1));
        request.setProperty(DECISION, decision);
        if (decision.probe().isConsumed()) {
            return null;
        }
        long retryAfter = seconds(decision.probe().getNanosToWaitForRefill());
        Response problem = ProblemMapper.problem(
                429,
                "rate-limited",
                "Too many requests",
                "more than " + perMinute + " requests a minute " + (token ? "with this token" : "from this address")
                        + "; retry in " + retryAfter + " s",
                request.getUriInfo(),
                List.of(),
                null);
        Response.ResponseBuilder response = Response.fromResponse(problem).header("Retry-After", retryAfter);
        headers(decision).forEach(response::header);
        return response.build();
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof Decision decision
                && decision.probe().isConsumed()) {
            headers(decision).forEach((name, value) -> response.getHeaders().putSingle(name, value));
        }
    }

    private static java.util.Map<String, Object> headers(Decision decision) {
        return java.util.Map.of(
                "RateLimit-Limit",
                decision.limit(),
                "RateLimit-Remaining",
                decision.probe().getRemainingTokens(),
                "RateLimit-Reset",
                seconds(decision.probe().getNanosToWaitForReset()));
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
