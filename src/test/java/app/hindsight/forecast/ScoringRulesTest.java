package app.hindsight.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import app.hindsight.prediction.model.Outcome;

/** The scoring rules on values worked out by hand. Plain JUnit. */
class ScoringRulesTest {

    private static final double EPS = 1e-12;

    @Test
    void outcomesAreWorthOneNothingOrHalfAndUnverifiableIsNotScored() {
        assertEquals(1.0, ScoringRules.outcomeValue(Outcome.CORRECT));
        assertEquals(0.0, ScoringRules.outcomeValue(Outcome.INCORRECT));
        assertEquals(0.5, ScoringRules.outcomeValue(Outcome.PARTIALLY_CORRECT));
        assertNull(ScoringRules.outcomeValue(Outcome.UNVERIFIABLE));
    }

    @Test
    void brierIsTheSquaredError() {
        assertEquals(0.04, ScoringRules.brier(0.8, 1), EPS);
        assertEquals(0.64, ScoringRules.brier(0.8, 0), EPS);
        assertEquals(0.01, ScoringRules.brier(0.6, 0.5), EPS);
        assertEquals(0.25, ScoringRules.brier(0.5, 1), EPS);
        assertEquals(0.25, ScoringRules.brier(0.5, 0), EPS);
    }

    @Test
    void logScoreRewardsConfidenceWhenRightAndPunishesItWhenWrong() {
        assertEquals(Math.log(0.8), ScoringRules.log(0.8, 1), EPS);
        assertEquals(Math.log(0.2), ScoringRules.log(0.8, 0), EPS);
        assertEquals(0.5 * Math.log(0.6) + 0.5 * Math.log(0.4), ScoringRules.log(0.6, 0.5), EPS);
        // The bounds a forecast may take stay finite.
        assertEquals(Math.log(0.01), ScoringRules.log(0.99, 0), EPS);
    }
}
