package app.hindsight.jobs;

import java.util.List;
import java.util.function.Function;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs a job's work a batch per transaction. When a batch fails because another replica or run got there
 * first (a unique key or a version check), its items are retried one by one, each in its own transaction,
 * so the work of the others is kept and each item is done once.
 */
public final class Batches {

    private Batches() {}

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Returns how many items the work reported as done. */
    public static <T> int run(List<T> batch, Function<List<T>, Integer> work) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> work.apply(batch));
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                // Usually another replica or run did this item first; anything else must be seen, not swallowed.
                Log.warnf("Skipped %s: %s", batch.get(0), rootMessage(batchFailed));
                return 0;
            }
            int done = 0;
            for (T item : batch) {
                done += run(List.of(item), work);
            }
            return done;
        }
    }
}
