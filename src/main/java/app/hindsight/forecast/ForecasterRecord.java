package app.hindsight.forecast;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A forecaster's scores and calibration: how often what they gave 70% came true. */
public record ForecasterRecord(
        @Schema(required = true) ForecasterView scores,

        @Schema(required = true, description = "ten bins of width 0.1, from [0, 0.1) to [0.9, 1]")
        List<Bin> calibration) {

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
