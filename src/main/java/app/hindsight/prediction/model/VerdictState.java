package app.hindsight.prediction.model;

/**
 * Where a resolution stands. Only a FINAL verdict counts in track records, scores and stats by default; every other
 * state is "not final yet" ({@link #isFinal}), so a state added later (a dispute, a second reviewer's approval) is
 * left out of them without touching their queries.
 */
public enum VerdictState {
    /** Recorded; becomes FINAL when hindsight.verdict.dispute-window has passed (the verdict-finalisation job). */
    PROVISIONAL,
    /** The verdict that counts. */
    FINAL;

    public boolean isFinal() {
        return this == FINAL;
    }
}
