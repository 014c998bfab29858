package app.hindsight.prediction.model;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Where a resolution stands: its {@link VerdictState} and when it becomes (or became) FINAL. Part of a resolved
 * {@link Prediction}; null while it is unresolved (a reopen clears it). A later state (a dispute, a second
 * reviewer's approval) adds its fields here.
 */
@Embeddable
public class Verdict {

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "verdict_state")
    public VerdictState state;

    /** recordedAt plus hindsight.verdict.dispute-window; the moment it was recorded for a verdict final at once. */
    @Column(name = "final_at")
    public Instant finalAt;

    public Verdict() {}

    public Verdict(VerdictState state, Instant finalAt) {
        this.state = state;
        this.finalAt = finalAt;
    }

    /** A verdict recorded at {@code recordedAt}: PROVISIONAL for {@code window}, or FINAL at once when it is zero. */
    static Verdict recorded(Instant recordedAt, Duration window) {
        return window.compareTo(Duration.ZERO) > 0
                ? new Verdict(VerdictState.PROVISIONAL, recordedAt.plus(window))
                : new Verdict(VerdictState.FINAL, recordedAt);
    }
}
