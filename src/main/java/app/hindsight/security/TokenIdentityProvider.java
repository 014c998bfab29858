package app.hindsight.security;

import jakarta.enterprise.context.ApplicationScoped;

import app.hindsight.shared.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns a bearer token into an identity named after the token, with its roles; refuses unknown and revoked ones. */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            ApiToken token = QuarkusTransaction.requiringNew()
                    .call(() ->
                            ApiToken.findActive(request.getToken().getToken()).orElse(null));
            if (token == null) {
                throw new AuthenticationFailedException("unknown or revoked token");
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(token.name))
                    .addRoles(Roles.effective(token.grantedRoles()))
                    .addCredential(request.getToken())
                    .build();
        });
    }
}
