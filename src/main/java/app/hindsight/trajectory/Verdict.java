package app.hindsight.trajectory;

/** Where a metric stands against its target; see {@link Trajectories} for the rules. */
public enum Verdict {
    /** The latest observation has reached the target in the metric's direction. */
    REACHED,
    /** Not reached; the fit reaches the target on or before the target date. */
    ON_TRACK,
    /** Not reached; the fit reaches the target after the target date, or never. */
    BEHIND,
    /** No observation yet. */
    NO_DATA,
    /** Not reached, and there is no target date to be on track for: the projection alone tells. */
    UNDATED
}
