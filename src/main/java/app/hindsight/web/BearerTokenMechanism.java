package app.hindsight.web;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code Authorization: Bearer <token>}. No header means anonymous; a header that is not a bearer token, or
 * a token that is unknown or revoked, fails authentication (401), even on endpoints open to anonymous reads.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer";
    private static final String CHALLENGE = "Bearer realm=\"hindsight\"";
    private static final String NOT_BEARER = "not a bearer token";
    static final String NOT_BEARER_DETAIL = "the Authorization header is not a bearer token: send the token after "
            + "the word Bearer and a space, Authorization: Bearer <token>";
    static final String UNKNOWN_DETAIL = "the bearer token is unknown or revoked";

    @Inject
    RouteProblems problems;

    @Inject
    RateLimits limits;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return Uni.createFrom().optional(Optional.empty());
        }
        String secret = secret(header);
        if (secret == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException(NOT_BEARER));
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new TokenCredential(secret, "bearer"));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identities
                .authenticate(request)
                .invoke(identity -> limits.authenticated(secret))
                .onFailure(AuthenticationFailedException.class)
                .invoke(failure -> limits.refused(secret));
    }

    /**
     * The token of an {@code Authorization: Bearer <token>} header, or null for none or another scheme. The scheme
     * is case-insensitive (RFC 9110 11.1) and may be followed by any spaces or tabs.
     */
    public static String secret(String header) {
        if (header == null
                || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        char separator = header.charAt(BEARER.length());
        if (separator != ' ' && separator != '\t') {
            return null;
        }
        String secret = header.substring(BEARER.length()).strip();
        return secret.isEmpty() ? null : secret;
    }

    /** What a 401 says about a failed authentication: a header of the wrong shape, or a token that is not valid. */
    static String detail(AuthenticationFailedException failure) {
        return NOT_BEARER.equals(failure.getMessage()) ? NOT_BEARER_DETAIL : UNKNOWN_DETAIL;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }

    /**
     * The challenge Quarkus sends where an HTTP permission turns an anonymous caller away (e.g. /q/metrics with
     * anonymous reads off): a problem document like every other 401, not an empty body.
     */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        context.response().putHeader("WWW-Authenticate", CHALLENGE);
        problems.send(
                context,
                401,
                "unauthorized",
                "Unauthorized",
                "send an API token: Authorization: Bearer <token>",
                false);
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }
}
