package app.hindsight.prediction.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;

/** The read cache's bound: what is configured, else a fifth of the heap the JVM may use. */
class PredictionCacheSizeTest {

    private static final long GIB = 1L << 30;

    @Test
    void unsetIsAFifthOfTheMaximumHeap() {
        assertEquals(GIB / 5, PredictionCache.maxWeight(Optional.empty(), GIB));
        assertEquals(6 * GIB / 5, PredictionCache.maxWeight(Optional.empty(), 6 * GIB));
    }

    @Test
    void aConfiguredSizeWinsWhateverTheHeap() {
        MemorySize configured = new MemorySize(java.math.BigInteger.valueOf(160L << 20));
        assertEquals(160L << 20, PredictionCache.maxWeight(Optional.of(configured), GIB));
        assertEquals(160L << 20, PredictionCache.maxWeight(Optional.of(configured), 16 * GIB));
    }
}
