package app.hindsight.prediction.store;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import app.hindsight.HindsightConfig;
import app.hindsight.prediction.model.PredictionWritten;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * GET /predictions/{key} answered from memory: the JSON and ETag of recently read predictions.
 * <p>
 * Exact only where this process sees every write: the embedded H2 database, which one process owns. It is
 * off on PostgreSQL, where another replica may write (hindsight.cache.enabled). Every write to a prediction
 * (an insert, update or delete of the entity, by the API, an import or the scheduler) removes its entry twice:
 * at flush, and again after the transaction ends. A read puts what it read only if no write happened while it
 * read ({@link #writes}), so an entry can never outlive the write that made it stale. Bounded by the bytes it
 * holds (hindsight.cache.max-size, by default a fifth of the heap); past it, Caffeine evicts what is least likely
 * to be read again.
 */
@ApplicationScoped
public class PredictionCache {

    /** A prediction as GET returns it. */
    public record Entry(byte[] json, long version) {}

    /** What an entry costs beyond its JSON: the key, the entry and the map's node, roughly. */
    private static final int ENTRY_OVERHEAD = 128;

    private Cache<String, Entry> entries;
    private final AtomicLong writes = new AtomicLong();

    @Inject
    HindsightConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @PostConstruct
    void build() {
        entries = Caffeine.newBuilder()
                .maximumWeight(
                        maxWeight(config.cache().maxSize(), Runtime.getRuntime().maxMemory()))
                .<String, Entry>weigher((key, entry) -> ENTRY_OVERHEAD + 2 * key.length() + entry.json().length)
                .build();
    }

    /**
     * The configured size, else a fifth of the heap: a fixed default was either too small for the hot set of a
     * large ledger (at its bound every miss is a database read and a new entry for the collector to copy: GET's p99
     * 21 ms against 7 ms with the 100k of the benchmark all held) or too large for a small container.
     */
    static long maxWeight(Optional<MemorySize> configured, long maxHeap) {
        return configured.map(MemorySize::asLongValue).orElse(maxHeap / 5);
    }

    public boolean enabled() {
        return config.cache().enabled();
    }

    public Optional<Entry> get(String key) {
        return enabled() ? Optional.ofNullable(entries.getIfPresent(key)) : Optional.empty();
    }

    /** Where a read starts: pass it to {@link #put} with what was read. */
    public long readStarts() {
        return writes.get();
    }

    public void put(String key, Entry entry, long readStarted) {
        if (!enabled() || writes.get() != readStarted) {
            return;
        }
        entries.put(key, entry);
        if (writes.get() != readStarted) {
            entries.invalidate(key);
        }
    }

    /** Every write to a prediction, inside its transaction: the entity listener's event. */
    void written(@Observes PredictionWritten event) {
        written(event.key());
    }

    private void written(String key) {
        if (!enabled()) {
            return;
        }
        invalidate(key);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    invalidate(key);
                }
            });
        }
    }

    /** As {@link #written} for each of these keys, with one synchronization for all: an import's inserts. */
    void writtenAll(java.util.Collection<String> keys) {
        if (!enabled() || keys.isEmpty()) {
            return;
        }
        keys.forEach(this::invalidate);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    keys.forEach(PredictionCache.this::invalidate);
                }
            });
        }
    }

    private void invalidate(String key) {
        writes.incrementAndGet();
        entries.invalidate(key);
    }
}
