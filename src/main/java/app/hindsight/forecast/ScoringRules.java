package app.hindsight.forecast;

import app.hindsight.prediction.model.Outcome;

/**
 * The scoring rules, defined once in plain Java: what an outcome is worth, and the Brier and log scores of one
 * forecast. {@link ScoreQueries} computes the same in SQL, so that every figure is an aggregate the database can do
 * in one pass; {@code ScoreSqlAgreementTest} holds the two to the same numbers.
 */
public final class ScoringRules {

    private ScoringRules() {}

    /**
     * The value o of an outcome: 1 for correct, 0 for incorrect, 0.5 for partly correct (half right, as the hit rate
     * counts it too); null for an outcome that is not scored (UNVERIFIABLE, VOID).
     */
    public static Double outcomeValue(Outcome outcome) {
        return switch (outcome) {
            case CORRECT -> 1.0;
            case INCORRECT -> 0.0;
            case PARTIALLY_CORRECT -> 0.5;
            case UNVERIFIABLE, VOID -> null;
        };
    }

    /** The Brier score (p - o)^2: 0 is perfect, 1 the worst; 0.25 for a coin's 0.5 whatever happens. */
    public static double brier(double probability, double outcome) {
        double error = probability - outcome;
        return error * error;
    }

    /**
     * The log score o ln p + (1 - o) ln (1 - p): 0 is perfect, lower is worse, without bound as a sure forecast is
     * wrong (probabilities are kept inside (0, 1) by the forecast's validation, so it is finite).
     */
    public static double log(double probability, double outcome) {
        return outcome * Math.log(probability) + (1 - outcome) * Math.log(1 - probability);
    }
}
