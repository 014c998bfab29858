package app.hindsight.intake.store;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import app.hindsight.intake.CandidateFinder;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the lexicons and ICU's break rules at startup, and runs the finder once per language, so that the first
 * transcript uploaded does not pay for it (a cold finder takes several times as long as a warm one).
 */
@ApplicationScoped
class FinderWarmUp {

    private static final String[][] SAMPLES = {
        {"en", "We will ship it by the end of 2027. I think prices should probably fall 100x."},
        {"zh-Hant", "我們將在2027年底前推出。未來成本可能降低100倍，我們應該更謹慎。"},
        {"zh-Hans", "我们将在2027年底前推出。未来成本可能降低100倍。"}
    };

    void warm(@Observes StartupEvent started) {
        long t0 = System.nanoTime();
        for (String[] sample : SAMPLES) {
            CandidateFinder.find(sample[1], sample[0], LocalDate.of(2026, 1, 1));
        }
        Log.debugf("Intake rules warmed in %d ms", (System.nanoTime() - t0) / 1_000_000);
    }
}
