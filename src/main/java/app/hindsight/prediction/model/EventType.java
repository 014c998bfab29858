package app.hindsight.prediction.model;

/** What happened to a prediction; see its history. */
public enum EventType {
    CREATED,
    UPDATED,
    /** An edit of statement, resolutionCriteria, target or metric once the prediction was on the record, with why. */
    AMENDED,
    FLAGGED_DUE,
    REMINDED,
    ESCALATED,
    RESOLVED,
    /** The scheduler made a PROVISIONAL verdict FINAL: its dispute window had passed. */
    VERDICT_FINAL,
    REOPENED,
    DEFERRED,
    WITHDRAWN,
    RESTORED,
    DELETED,
    OBSERVED,
    OBSERVATION_RETRACTED
}
