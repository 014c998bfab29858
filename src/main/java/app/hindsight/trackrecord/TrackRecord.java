package app.hindsight.trackrecord;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import app.hindsight.forecast.ScoreQueries.CrowdFigures;
import app.hindsight.forecast.Scores;
import app.hindsight.prediction.model.Outcome;
import app.hindsight.prediction.model.Status;
import app.hindsight.prediction.model.VoidReason;

/**
 * How a group of predictions (a speaker's, or theirs of one kind or topic) turned out. Plain arithmetic on the
 * counts the database returns ({@link #of}).
 */
public record TrackRecord(
        @Schema(
                required = true,
                example = "74",
                description = "every tracked item of the group, of each kind: forecasts and commitments (about the "
                        + "future), stances and claims; the figures below count them all, and a speaker's byKind "
                        + "(GET /speakers/{name}) gives them per kind")
        long predictions,

        @Schema(required = true, description = "count per status, every status present")
        Map<Status, Long> byStatus,

        @Schema(
                required = true,
                description = "count per outcome of the resolved ones, every outcome present but VOID, which `void` "
                        + "counts apart")
        Map<Outcome, Long> outcomes,

        @JsonProperty("void")
        @Schema(
                required = true,
                description = "the resolved ones that do not count (outcome VOID), per reason, every reason present;"
                        + " outside every figure below")
        Map<VoidReason, Long> voided,

        @Schema(
                description = "(C + 0.5 P) / (C + P + I) over CORRECT, PARTIALLY_CORRECT and INCORRECT; null "
                        + "when none is resolved so",
                example = "0.75")
        Double hitRate,

        @Schema(
                description = "the Wilson 95% interval of hitRate on the same n: 2 of 2 is [0.34, 1], not a perfect "
                        + "record")
        Scores.Interval hitRateInterval,

        @Schema(
                description = "over resolved (C/P/I) predictions with forecasts, the mean of outcome value / "
                        + "the crowd's probability at close: what 1 staked at the crowd's odds returned. Above 1, "
                        + "the speaker beat what the crowd expected; null without such predictions",
                example = "1.4")
        Double crowdYield,

        @Schema(description = "resolved (C/P/I) predictions with forecasts", example = "3")
        long withForecasts,

        @Schema(required = true, description = "CORRECT ones the crowd gave under 0.5 at close", example = "1")
        long againstTheCrowd,

        @Schema(
                required = true,
                example = "2",
                description = "resolved ones whose verdict is still PROVISIONAL: counted in byStatus, left out of "
                        + "outcomes, void and every figure (with includeProvisional=true they are counted, and this "
                        + "is 0)")
        long provisionalExcluded) {

    /** Counts of a group's predictions by status and outcome, as GROUP BY returns them, before the arithmetic. */
    public static final class Counts {
        final Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        final Map<VoidReason, Long> voided = new EnumMap<>(VoidReason.class);
        long provisionalExcluded;

        public Counts() {
            for (Status s : Status.values()) {
                byStatus.put(s, 0L);
            }
            for (Outcome o : Outcome.values()) {
                if (o != Outcome.VOID) {
                    outcomes.put(o, 0L);
                }
            }
            for (VoidReason r : VoidReason.values()) {
                voided.put(r, 0L);
            }
        }

        /**
         * Adds {@code n} predictions in this status with this outcome (null unless resolved) and void reason (null
         * unless VOID; a VOID one without a reason, which the API never stores, is counted as miscaptured).
         */
        public Counts add(Status status, Outcome outcome, VoidReason voidReason, long n) {
            byStatus.merge(status, n, Long::sum);
            if (outcome == Outcome.VOID) {
                voided.merge(voidReason == null ? VoidReason.MISCAPTURED : voidReason, n, Long::sum);
            } else if (outcome != null) {
                outcomes.merge(outcome, n, Long::sum);
            }
            return this;
        }

        /** Adds {@code n} resolved predictions whose verdict is not final, leaving their outcome out. */
        public Counts excludeProvisional(Status status, long n) {
            byStatus.merge(status, n, Long::sum);
            provisionalExcluded += n;
            return this;
        }
    }

    /** The figures of a group from its counts and the crowd's figures on it. */
    public static TrackRecord of(Counts counts, CrowdFigures crowd) {
        long c = counts.outcomes.get(Outcome.CORRECT);
        long p = counts.outcomes.get(Outcome.PARTIALLY_CORRECT);
        long i = counts.outcomes.get(Outcome.INCORRECT);
        long n = c + p + i;
        double hits = c + 0.5 * p;
        return new TrackRecord(
                counts.byStatus.values().stream().mapToLong(Long::longValue).sum(),
                new LinkedHashMap<>(counts.byStatus),
                new LinkedHashMap<>(counts.outcomes),
                new LinkedHashMap<>(counts.voided),
                n == 0 ? null : hits / n,
                Scores.wilson(hits, n),
                crowd.crowdYield(),
                crowd.withForecasts(),
                crowd.againstTheCrowd(),
                counts.provisionalExcluded);
    }
}
