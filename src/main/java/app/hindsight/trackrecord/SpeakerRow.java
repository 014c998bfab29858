package app.hindsight.trackrecord;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import app.hindsight.prediction.model.Outcome;
import app.hindsight.prediction.model.Status;

/** A speaker's record as one flat CSV row. */
@JsonPropertyOrder({
    "name",
    "predictions",
    "open",
    "due",
    "resolved",
    "withdrawn",
    "correct",
    "partiallyCorrect",
    "incorrect",
    "unverifiable",
    "void",
    "hitRate",
    "hitRateLow",
    "hitRateHigh",
    "crowdYield",
    "withForecasts",
    "againstTheCrowd"
})
public record SpeakerRow(
        String name,
        long predictions,
        long open,
        long due,
        long resolved,
        long withdrawn,
        long correct,
        long partiallyCorrect,
        long incorrect,
        long unverifiable,
        @JsonProperty("void") long voided,
        Double hitRate,
        Double hitRateLow,
        Double hitRateHigh,
        Double crowdYield,
        long withForecasts,
        long againstTheCrowd) {

    public static SpeakerRow of(SpeakerView s) {
        TrackRecord r = s.record();
        return new SpeakerRow(
                s.name(),
                r.predictions(),
                r.byStatus().get(Status.OPEN),
                r.byStatus().get(Status.DUE),
                r.byStatus().get(Status.RESOLVED),
                r.byStatus().get(Status.WITHDRAWN),
                r.outcomes().get(Outcome.CORRECT),
                r.outcomes().get(Outcome.PARTIALLY_CORRECT),
                r.outcomes().get(Outcome.INCORRECT),
                r.outcomes().get(Outcome.UNVERIFIABLE),
                r.voided().values().stream().mapToLong(Long::longValue).sum(),
                r.hitRate(),
                r.hitRateInterval() == null ? null : r.hitRateInterval().low(),
                r.hitRateInterval() == null ? null : r.hitRateInterval().high(),
                r.crowdYield(),
                r.withForecasts(),
                r.againstTheCrowd());
    }
}
