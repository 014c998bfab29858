package app.hindsight.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A calibration bin carries its count and the 95% Wilson interval of how often it came true, and the chart draws
 * both: "n = 4" beside each point, an error bar through it, and axes that run past 0 and 1 so that a bin at either
 * end is drawn whole. The chart is also written to target/calibration-charts/ for a person to look at.
 */
class CalibrationBinsTest {

    @Test
    void wilsonIntervalsOfKnownShares() {
        // 7 of 10: the textbook (0.3968, 0.8922).
        Wilson sevenOfTen = Wilson.of(0.7, 10);
        assertEquals(0.39678, sevenOfTen.low(), 1e-5);
        assertEquals(0.89221, sevenOfTen.high(), 1e-5);
        // 3 of 4: wide, as four forecasts deserve.
        Wilson threeOfFour = Wilson.of(0.75, 4);
        assertEquals(0.30064, threeOfFour.low(), 1e-5);
        assertEquals(0.95441, threeOfFour.high(), 1e-5);
        // None of 5 and 1 of 1: not empty at the ends, and within [0, 1].
        Wilson noneOfFive = Wilson.of(0, 5);
        assertEquals(0, noneOfFive.low(), 1e-12);
        assertEquals(0.43448, noneOfFive.high(), 1e-5);
        Wilson oneOfOne = Wilson.of(1, 1);
        assertEquals(0.20655, oneOfOne.low(), 1e-5);
        assertEquals(1, oneOfOne.high(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Wilson.of(0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> Wilson.of(1.5, 3));
    }

    @Test
    void binsCarryTheirCountAndIntervalAndEmptyOnesNone() {
        List<ForecasterRecord.Bin> bins = ForecasterRecord.bins(
                List.of(new ScoreQueries.BinCount(7, 4, 0.73, 0.75), new ScoreQueries.BinCount(9, 1, 0.95, 1.0)));
        assertEquals(10, bins.size());
        ForecasterRecord.Bin seventy = bins.get(7);
        assertEquals(4, seventy.forecasts());
        assertEquals(0.30064, seventy.observedLow(), 1e-5);
        assertEquals(0.95441, seventy.observedHigh(), 1e-5);
        assertEquals(1.0, bins.get(9).observedHigh(), 1e-12);
        assertEquals(0, bins.get(0).forecasts());
        assertNull(bins.get(0).observedLow());
        assertNull(bins.get(0).observedHigh());
    }

    @Test
    void theChartShowsCountsIntervalsAndPointsAtTheEndsWhole() throws Exception {
        List<ForecasterRecord.Bin> bins = ForecasterRecord.bins(List.of(
                new ScoreQueries.BinCount(0, 5, 0.05, 0.0),
                new ScoreQueries.BinCount(7, 4, 0.73, 0.75),
                new ScoreQueries.BinCount(9, 1, 0.95, 1.0)));
        String svg = CalibrationChart.svg("ada", bins);
        Path out = Path.of("target", "calibration-charts");
        Files.createDirectories(out);
        Files.writeString(out.resolve("ada.svg"), svg);
        assertTrue(svg.contains(">n = 5<"), "the count beside the bin at 0");
        assertTrue(svg.contains(">n = 4<"), "the count beside the bin at 0.75");
        assertTrue(svg.contains(">n = 1<"), "the count beside the bin at 1");
        assertTrue(svg.contains(CalibrationChart.OBSERVED), "the legend says what n and the bars are");
        // The axes run from -0.05 to 1.05 with ticks at tenths: 0 and 1 are labelled on both, inside the plot, and
        // no tick falls outside [0, 1].
        assertEquals(2, svg.split(">0</text>", -1).length - 1, "0 on both axes");
        assertEquals(2, svg.split(">1</text>", -1).length - 1, "1 on both axes");
        assertTrue(!svg.contains(">-0.1<") && !svg.contains(">1.1<"), "no tick past 0 or 1");
    }
}
