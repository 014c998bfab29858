package app.hindsight.forecast;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A forecaster's scores and calibration (how often what they gave 70% came true), flat like a speaker's record: the
 * figures of {@link ForecasterView} at the top level, then the bins. {@code scores} repeats the figures in the
 * nested shape of earlier releases, for one release.
 */
@JsonPropertyOrder({
    "name",
    "forecasts",
    "scored",
    "meanBrier",
    "meanLog",
    "crowdBrier",
    "relativeBrier",
    "provisionalExcluded",
    "calibration",
    "scores"
})
public record ForecasterRecord(
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
                description = "forecasts that would score on verdicts still PROVISIONAL, left out of the figures and"
                        + " the calibration (0 with includeProvisional=true)",
                example = "1")
        long provisionalExcluded,

        @Schema(required = true, description = "ten bins of width 0.1, from [0, 0.1) to [0.9, 1]")
        List<Bin> calibration,

        @Schema(
                deprecated = true,
                description = "The same figures as the top level, nested as before; removed in the next"
                        + " release: read them from the top level")
        ForecasterView scores) {

    static ForecasterRecord of(ForecasterView v, List<Bin> calibration) {
        return new ForecasterRecord(
                v.name(),
                v.forecasts(),
                v.scored(),
                v.meanBrier(),
                v.meanLog(),
                v.crowdBrier(),
                v.relativeBrier(),
                v.provisionalExcluded(),
                calibration,
                v);
    }

    /**
     * One bin; meanProbability, observedFrequency (the mean outcome value) and its interval are null when it is
     * empty. The interval ({@link Wilson}) says how far a bin of few forecasts can be trusted: 3 of 4 is anywhere from
     * 0.30 to 0.95.
     */
    @Schema(name = "CalibrationBin")
    public record Bin(
            @Schema(required = true, example = "0.7") double from,
            @Schema(required = true, example = "0.8") double to,
            @Schema(required = true, example = "4") long forecasts,
            @Schema(example = "0.73") Double meanProbability,
            @Schema(example = "0.75") Double observedFrequency,
            @Schema(example = "0.30") Double observedLow,
            @Schema(example = "0.95") Double observedHigh) {

        static Bin of(double from, double to, long forecasts, double meanProbability, double observedFrequency) {
            Wilson interval = Wilson.of(observedFrequency, forecasts);
            return new Bin(from, to, forecasts, meanProbability, observedFrequency, interval.low(), interval.high());
        }
    }

    /** The ten bins, the empty ones included, from the database's counts of the non-empty ones. */
    static List<Bin> bins(List<ScoreQueries.BinCount> counts) {
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bins.add(new Bin(i / 10.0, (i + 1) / 10.0, 0, null, null, null, null));
        }
        for (ScoreQueries.BinCount c : counts) {
            Bin b = bins.get(c.bin());
            bins.set(c.bin(), Bin.of(b.from(), b.to(), c.forecasts(), c.meanProbability(), c.observedFrequency()));
        }
        return bins;
    }
}
