package app.hindsight.jobs;

/** Where an on-demand job run is. */
public enum RunState {
    RUNNING,
    SUCCEEDED,
    FAILED
}
