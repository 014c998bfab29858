package app.hindsight.forecast;

import java.util.Comparator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A forecaster's record: the means are over the scored predictions (resolved CORRECT, INCORRECT or PARTIALLY_CORRECT
 * with a forecast of theirs before the close), each scored by their latest forecast before it. Also a CSV row.
 */
@JsonPropertyOrder({
    "name",
    "forecasts",
    "scored",
    "meanBrier",
    "meanLog",
    "crowdBrier",
    "relativeBrier",
    "provisionalExcluded"
})
public record ForecasterView(
        @Schema(required = true, example = "alice") String name,

        @Schema(required = true, description = "forecasts made, scored or not", example = "12")
        long forecasts,

        @Schema(required = true, description = "predictions scored", example = "5")
        long scored,

        @Schema(description = "mean Brier score, 0 (perfect) to 1; null until something is scored", example = "0.12")
        Double meanBrier,

        @Schema(description = "mean log score, 0 (perfect) and below", example = "-0.41")
        Double meanLog,

        @Schema(description = "the crowd's mean Brier score on the same predictions", example = "0.18")
        Double crowdBrier,

        @Schema(description = "meanBrier - crowdBrier: below 0, better than the crowd", example = "-0.06")
        Double relativeBrier,

        @Schema(
                required = true,
                description = "forecasts that would score on verdicts still PROVISIONAL, left out of the figures"
                        + " (0 with includeProvisional=true)",
                example = "1")
        long provisionalExcluded) {

    /** Best first: scored before unscored, then by relativeBrier, meanBrier and name. */
    static final Comparator<ForecasterView> BEST_FIRST = Comparator.comparing(
                    ForecasterView::relativeBrier, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ForecasterView::meanBrier, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ForecasterView::name);

    static ForecasterView of(ScoreQueries.ForecasterScores s) {
        Double relative = s.meanBrier() == null || s.crowdBrier() == null ? null : s.meanBrier() - s.crowdBrier();
        return new ForecasterView(
                s.name(),
                s.forecasts(),
                s.scored(),
                s.meanBrier(),
                s.meanLog(),
                s.crowdBrier(),
                relative,
                s.provisionalExcluded());
    }
}
