package app.hindsight.trackrecord;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.prediction.model.Kind;
import app.hindsight.prediction.model.Outcome;
import app.hindsight.prediction.model.Status;

/** The ledger at a glance. */
public record StatsView(
        @Schema(
                required = true,
                example = "74",
                description = "every tracked item, of each kind: forecasts and commitments (about the future), "
                        + "stances and claims; byKind splits them")
        long predictions,

        @Schema(required = true, description = "every status, 0 included")
        Map<Status, Long> byStatus,

        @Schema(required = true, description = "every kind, 0 included")
        Map<Kind, Long> byKind,

        @Schema(required = true, description = "predictions per topic tag, by tag")
        Map<String, Long> byTopic,

        @Schema(
                required = true,
                description = "per speaker (as written), the count of each outcome of the resolved whose verdict is"
                        + " FINAL (of every resolved one with includeProvisional=true)")
        Map<String, Map<Outcome, Long>> outcomesBySpeaker,

        @Schema(required = true) DueWithin dueWithin,
        @Schema(required = true, example = "12") long forecasts,
        @Schema(required = true, example = "3") long forecasters,

        @Schema(
                required = true,
                example = "2",
                description = "resolved predictions whose verdict is still PROVISIONAL, left out of outcomesBySpeaker"
                        + " (0 with includeProvisional=true)")
        long provisionalExcluded) {

    /** OPEN or DUE predictions whose dueAt falls within the next 30, 90 and 365 days (from now). */
    public record DueWithin(
            @Schema(required = true, example = "2") long days30,
            @Schema(required = true, example = "5") long days90,
            @Schema(required = true, example = "21") long days365) {}
}
