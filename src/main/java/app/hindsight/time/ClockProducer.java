package app.hindsight.time;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The one source of "now". Normal-scoped so that tests can replace it with a fixed clock they move
 * ({@code QuarkusMock.installMockForType}).
 */
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
