package app.hindsight.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/** Makes sure an admin can get in on first start. */
@ApplicationScoped
public class TokenBootstrap {

    @Inject
    TokenService tokens;

    void onStart(@Observes StartupEvent start) {
        try {
            tokens.bootstrap();
        } catch (RuntimeException e) {
            // Replicas starting together race to register the same token; the loser finds it there.
            Log.infof(
                    "Admin token bootstrap raced with another replica (%s); checking again",
                    e.getClass().getSimpleName());
            tokens.bootstrap();
        }
    }
}
