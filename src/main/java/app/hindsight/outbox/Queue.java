package app.hindsight.outbox;

import java.time.Instant;
import java.util.List;

/**
 * A {@link Channel} whose items {@link Outbox#drain} reads and sends itself, one at a time: a new job provides what
 * is due, how to send one item, and (as a channel) what each outcome writes. Webhook deliveries are a channel but
 * no queue: they are read per subscription and sent concurrently, by their dispatcher.
 */
public interface Queue<R extends OutboxRow, T, S> extends Channel<R, T, S> {

    /**
     * In the claim's transaction: up to {@code max} rows that wait and whose nextAttemptAt is not after {@code now},
     * the longest due first, as read (id, version, attempts) with what sending each needs.
     */
    List<Outbox.Due<T>> due(Instant now, int max);

    /**
     * Sends one claimed item with no transaction open (a slow receiver holds no lock and no connection), and says
     * how it went; a failure the channel expects is a result, not an exception.
     */
    S send(Outbox.Claim<T> claim);
}
