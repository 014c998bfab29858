package app.hindsight.prediction.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.model.PredictionEvent;
import app.hindsight.shared.Unavailable;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keys of predictions: which are free, which were used (a deleted prediction's history keeps its key, so the key is
 * never given to another), and writes that generate keys, retried when a concurrent writer takes one first.
 */
@ApplicationScoped
public class PredictionKeys {

    @ConfigProperty(name = "quarkus.transaction-manager.default-transaction-timeout", defaultValue = "60s")
    Duration transactionTimeout;

    /** How often a write that generates keys is tried when concurrent writers keep taking them. */
    private static final int KEY_ATTEMPTS = 10;

    /**
     * Runs a write in a transaction of its own. A write that generated keys can lose one to a concurrent writer
     * that took it between the look-up and the insert: the unique key on prediction.slug refuses the insert, and
     * the write runs again, finding the next free key. A write that named its keys is not repeated: its 409 stands.
     */
    public <T> T writeGeneratingKeys(boolean generatesKeys, Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            try {
                return QuarkusTransaction.requiringNew().call(write::get);
            } catch (RuntimeException e) {
                if (System.nanoTime() - started >= transactionTimeout.toNanos()) {
                    // The transaction manager's reaper rolled it back meanwhile; what failed then (a closed statement,
                    // an inactive transaction) says nothing about the request, which changed nothing.
                    Log.warnf(
                            e, "A write ran past the transaction timeout (%s) and was rolled back", transactionTimeout);
                    throw new Unavailable(
                            "this request took longer than the transaction timeout (" + transactionTimeout.toSeconds()
                                    + " s) allows and changed nothing; retry shortly, or send fewer items at once",
                            5);
                }
                if (!generatesKeys || attempt == KEY_ATTEMPTS || !lostAKey(e)) {
                    throw e;
                }
                Log.debugf("A generated key was taken concurrently; attempt %d of %d", attempt + 1, KEY_ATTEMPTS);
            }
        }
    }

    private static boolean lostAKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException unique) {
                String name = unique.getConstraintName();
                return name == null || name.toLowerCase(Locale.ROOT).contains("uk_prediction_slug");
            }
        }
        return false;
    }

    /**
     * One free key for each base, in order: the base itself when no prediction has or had it (a deleted one's
     * history keeps its key), else the lowest free of base-2, base-3, ...; never one of {@code taken} (the keys
     * an import names). Candidates are looked up a window at a time, so many items on one base cost a few queries.
     */
    public List<String> freeKeys(List<String> bases, Set<String> taken) {
        Map<String, Integer> needed = new LinkedHashMap<>();
        bases.forEach(base -> needed.merge(base, 1, Integer::sum));
        Map<String, ArrayDeque<String>> found = new HashMap<>();
        Map<String, Integer> nextSuffix = new HashMap<>(); // 1 stands for the base itself
        while (!needed.isEmpty()) {
            Map<String, String> candidates = new LinkedHashMap<>(); // candidate key -> its base
            needed.forEach((base, count) -> {
                int from = nextSuffix.getOrDefault(base, 1);
                int to = from + count + 8;
                for (int n = from; n < to; n++) {
                    candidates.put(n == 1 ? base : base + "-" + n, base);
                }
                nextSuffix.put(base, to);
            });
            Set<String> used = usedKeys(candidates.keySet());
            candidates.forEach((key, base) -> {
                Integer count = needed.get(base);
                if (count != null && !used.contains(key) && !taken.contains(key)) {
                    found.computeIfAbsent(base, b -> new ArrayDeque<>()).add(key);
                    if (count == 1) {
                        needed.remove(base);
                    } else {
                        needed.put(base, count - 1);
                    }
                }
            });
        }
        return bases.stream().map(base -> found.get(base).poll()).toList();
    }

    /** The keys among these that a prediction has now. */
    public Set<String> presentKeys(Collection<String> keys) {
        return keysAmong("select p.slug from unnest(?) k(v) join prediction p on p.slug = k.v", keys);
    }

    /** The keys among these that a prediction has, or had before it was deleted. */
    private Set<String> usedKeys(Collection<String> keys) {
        return keysAmong(
                "select k.v from unnest(?) k(v) where exists (select 1 from prediction p where p.slug = k.v) "
                        + "or exists (select 1 from prediction_event e where e.prediction_key = k.v)",
                keys);
    }

    /**
     * The first column of {@code sql}'s rows, its one parameter bound to all the keys as one array, which the query
     * joins as a table ({@code unnest(?) k(v)}): the database looks each key up in the index. Not an IN list of one
     * parameter each: on a PostgreSQL table not yet analyzed (a fresh database's first imports) it scanned the table
     * for every chunk of 500, comparing each row with the list one element at a time, so a 10k import's look-ups grew
     * with the table, to past the transaction timeout at 100k. Nor {@code = any(?)}: once the JDBC driver prepares the
     * statement on the server, PostgreSQL may plan it without the array's values, and chose a parallel scan of a
     * million events, each compared with 10k keys one by one (40 s).
     */
    private static Set<String> keysAmong(String sql, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Session session = Prediction.getEntityManager().unwrap(Session.class);
        // What the session holds goes first, as a Hibernate query would flush it: plain JDBC does not.
        if (session.isJoinedToTransaction()) {
            session.flush();
        }
        return session.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setArray(1, connection.createArrayOf("varchar", keys.toArray()));
                Set<String> found = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
                return found;
            }
        });
    }

    /** Whether a prediction has, or had before it was deleted, this key. */
    public boolean used(String key) {
        return Prediction.count("key", key) > 0 || PredictionEvent.count("predictionKey", key) > 0;
    }

    /** The keys among these that belonged to a deleted prediction: history exists, the prediction does not. */
    public Set<String> retiredKeys(Collection<String> keys) {
        return keysAmong(
                "select distinct e.prediction_key from unnest(?) k(v) join prediction_event e on e.prediction_key = k.v "
                        + "where not exists (select 1 from prediction p where p.slug = e.prediction_key)",
                keys);
    }

    public static List<List<String>> chunks(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return chunks;
    }
}
