package app.hindsight.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.hindsight.prediction.Outcome;

/** The scoring arithmetic against values worked out by hand. */
class ScoresTest {

    private static final double EPS = 1e-9;

    @Test
    void outcomeValues() {
        assertEquals(1.0, Scores.outcomeValue(Outcome.CORRECT));
        assertEquals(0.0, Scores.outcomeValue(Outcome.INCORRECT));
        assertEquals(0.5, Scores.outcomeValue(Outcome.PARTIALLY_CORRECT));
        assertNull(Scores.outcomeValue(Outcome.UNVERIFIABLE));
        assertNull(Scores.outcomeValue(null));
    }

    @Test
    void brierAndLog() {
        assertEquals(0.04, Scores.brier(0.8, 1), EPS);
        assertEquals(0.09, Scores.brier(0.3, 0), EPS);
        assertEquals(0.01, Scores.brier(0.6, 0.5), EPS);
        assertEquals(Math.log(0.8), Scores.log(0.8, 1), EPS);
        assertEquals(Math.log(0.7), Scores.log(0.3, 0), EPS);
        // A partly correct call scores half of each side: 0.5 ln 0.6 + 0.5 ln 0.4 = -0.71356.
        assertEquals(-0.7135581778200728, Scores.log(0.6, 0.5), EPS);
    }

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

    @Test
    void calibrationBins() {
        assertEquals(0, Scores.bin(0.01));
        assertEquals(1, Scores.bin(0.1));
        assertEquals(2, Scores.bin(0.29));
        assertEquals(3, Scores.bin(0.3));
        assertEquals(6, Scores.bin(0.6));
        assertEquals(7, Scores.bin(0.7));
        assertEquals(9, Scores.bin(0.99));
    }
}
