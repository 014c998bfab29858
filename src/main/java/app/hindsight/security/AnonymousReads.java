package app.hindsight.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.HindsightConfig;
import app.hindsight.shared.Roles;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Read endpoints require the reader role; while hindsight.auth.anonymous-read is true, anonymous callers are
 * given it. One rule on the endpoints, one switch here.
 */
@ApplicationScoped
public class AnonymousReads implements SecurityIdentityAugmentor {

    @Inject
    HindsightConfig config;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (config.auth().anonymousRead() && identity.isAnonymous()) {
            return Uni.createFrom()
                    .item(QuarkusSecurityIdentity.builder(identity)
                            .addRole(Roles.READER)
                            .build());
        }
        return Uni.createFrom().item(identity);
    }
}
