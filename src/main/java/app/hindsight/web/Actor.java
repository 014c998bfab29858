package app.hindsight.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is making the current request, as history records it: the token's name, or "anonymous". The
 * scheduler records itself as {@link app.hindsight.review.DueQueries#SCHEDULER}.
 */
@RequestScoped
public class Actor {

    public static final String ANONYMOUS = "anonymous";

    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity.isAnonymous() ? ANONYMOUS : identity.getPrincipal().getName();
    }
}
