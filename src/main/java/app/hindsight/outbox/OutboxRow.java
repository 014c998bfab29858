package app.hindsight.outbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The columns every outbox table has (attempts, next_attempt_at, version), which {@link Outbox} claims and records
 * by. The entity adds its id, its status (an enum whose PENDING the {@link Channel} names) and what it carries.
 */
@MappedSuperclass
public abstract class OutboxRow extends PanacheEntityBase {

    /** Attempts claimed so far; the next attempt is number attempts + 1. */
    @Column(nullable = false)
    public int attempts;

    /** When the next attempt is due, or, while one is under way, when its claim's lease ends; null once it is over. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** What lets one replica, and only one, claim each attempt. */
    @Version
    public long version;

    /** Whether the row still waits for an attempt: its status is PENDING. */
    public abstract boolean waiting();
}
