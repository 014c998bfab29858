package app.hindsight.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The arithmetic done in Java (median, mean, the Wilson interval) against values worked out by hand. */
class ScoresTest {

    private static final double EPS = 1e-9;

    @Test
    void medianAndMean() {
        assertNull(Scores.median(List.of()));
        assertEquals(0.6, Scores.median(List.of(0.8, 0.3, 0.6)), EPS);
        assertEquals(0.4, Scores.median(List.of(0.6, 0.2)), EPS);
        assertEquals(0.55, Scores.median(List.of(0.9, 0.2)), EPS);
        assertEquals(0.5, Scores.mean(List.of(0.2, 0.8)), EPS);
        assertNull(Scores.mean(List.of()));
    }

    @Test
    void wilsonIntervalIsNotAPerfectRecordForTwoOfTwo() {
        Scores.Interval twoOfTwo = Scores.wilson(2, 2);
        // By hand, p = 1 and n = 2: low = (1 + z^2/4 - z sqrt(z^2/16)) / (1 + z^2/2) = 1 / (1 + z^2/2).
        double z = 1.959963984540054;
        double expectedLow = (1 + z * z / 4 - z * Math.sqrt(z * z / 16)) / (1 + z * z / 2);
        assertEquals(expectedLow, twoOfTwo.low(), EPS);
        assertEquals(0.3424, twoOfTwo.low(), 1e-4);
        assertEquals(1.0, twoOfTwo.high(), EPS);
        assertNull(Scores.wilson(0, 0));
        // 2.5 of 5 (two right, one partly): symmetric around 0.5.
        Scores.Interval half = Scores.wilson(2.5, 5);
        assertEquals(1.0, half.low() + half.high(), EPS);
        assertEquals(0.1704, half.low(), 1e-4);
    }
}
