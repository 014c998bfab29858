package app.hindsight.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * One kind of outbox item, as {@link Outbox} claims and records it: its table, how long a claim holds, the waits
 * between attempts, and what each outcome writes on the row besides nextAttemptAt (which the outbox sets). {@code R}
 * is the row, {@code T} what sending one item needs (read with it when it is claimed), {@code S} what came of
 * sending it. The hooks run in the recording transaction; they neither commit nor catch.
 */
public interface Channel<R extends OutboxRow, T, S> {

    /** The rows' entity. */
    Class<R> table();

    /** The status of a row that waits for an attempt: only rows in it are claimed. */
    Enum<?> pending();

    /** What the log calls one row, e.g. "Digest", for "Digest 12 was claimed again while attempt 2 ...". */
    String noun();

    /** How long a claim holds its row: longer than an attempt can take, so no live attempt is overtaken. */
    Duration lease();

    /** The waits between attempts. */
    Backoff backoff();

    /** Whether the attempt did what it should (a 2xx answer, a mail the server took). */
    boolean ok(S sent);

    /**
     * Before the claim is checked: the channel's own record of the attempt, if it keeps one. It is called for an
     * attempt whose claim was lost too, because that attempt was made all the same.
     */
    default void attempted(R row, Outbox.Claim<T> claim, S sent) {}

    /** The attempt did what it should: the row's final status, and when. */
    void done(R row, Outbox.Claim<T> claim, S sent, Instant now);

    /** The attempt failed and another is due at the row's nextAttemptAt. */
    void retrying(R row, Outbox.Claim<T> claim, S sent);

    /** The attempt failed and was the last: the row's final status, and whatever else that means. */
    void failed(R row, Outbox.Claim<T> claim, S sent, Instant now);
}
