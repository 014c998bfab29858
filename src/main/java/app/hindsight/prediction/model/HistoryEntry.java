package app.hindsight.prediction.model;

import java.time.LocalDate;
import java.util.List;

/**
 * What a command appends to a prediction's history: an event of this type, with a note and typed details (written
 * as JSON, null for none).
 */
public record HistoryEntry(EventType type, String note, Object details) {

    /** RESOLVED's details: the verdict, with the day the answer became known (voidReason only with VOID). */
    public record Verdict(
            Outcome outcome, VoidReason voidReason, LocalDate resolvedOn, LocalDate knownOn, List<Evidence> evidence) {}

    /** DEFERRED's details: the day of the next review. */
    public record Deferred(LocalDate until) {}

    /** REOPENED's and RESTORED's details: where the prediction landed, OPEN or DUE. */
    public record Resumed(Status status) {}
}
