package app.hindsight.intake.store;

/** Where a candidate stands in triage. */
public enum CandidateState {
    /** Not decided yet. */
    PENDING,
    /** Made into a prediction, which names it in its history. */
    ACCEPTED,
    /** Left out, with a reason. */
    DISMISSED
}
