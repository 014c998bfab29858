package app.hindsight.forecast;

import static app.hindsight.forecast.Forecasters.forecast;
import static app.hindsight.forecast.Forecasters.prediction;
import static app.hindsight.forecast.Forecasters.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import app.hindsight.prediction.TestData;
import app.hindsight.prediction.model.Outcome;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;

/**
 * The SQL in {@link ScoreQueries} agrees with {@link ScoringRules}: forecasts drawn from a fixed seed on predictions
 * with every scored outcome, scored once by the API (the database's aggregates) and once here, forecast by forecast,
 * with the plain Java rules and {@link Scores#median} for the crowd. ScoringTest covers which forecasts count (the
 * latest before the close, reopening); here each forecaster forecasts once per prediction, so every forecast counts.
 */
@QuarkusTest
class ScoreSqlAgreementTest {

    private static final double EPS = 1e-9;
    private static final Outcome[] SCORED = {Outcome.CORRECT, Outcome.INCORRECT, Outcome.PARTIALLY_CORRECT};
    /** The edges of what a forecast may be, and values between. */
    private static final double[] PROBABILITIES = {0.01, 0.99, 0.5, 0.1, 0.9, 0.33, 0.67, 0.25, 0.05, 0.75};

    @Test
    void theDatabasesScoresAreTheMeansOfTheJavaRules() {
        String run = TestData.uid();
        Random random = new Random(20261207L);
        List<String> names = List.of("agree-a-" + run, "agree-b-" + run, "agree-c-" + run);
        Map<String, String> tokens = new LinkedHashMap<>();
        names.forEach(n -> tokens.put(n, Forecasters.token(n, "forecaster")));

        Map<String, List<Double>> brier = new LinkedHashMap<>();
        Map<String, List<Double>> log = new LinkedHashMap<>();
        Map<String, List<Double>> crowdBrier = new LinkedHashMap<>();
        names.forEach(n -> {
            brier.put(n, new ArrayList<>());
            log.put(n, new ArrayList<>());
            crowdBrier.put(n, new ArrayList<>());
        });
        for (int i = 0; i < 12; i++) {
            String key = prediction("Agreement Speaker " + run, "agreement");
            Map<String, Double> made = new LinkedHashMap<>();
            for (String name : names) {
                // Most forecasters forecast most predictions; some skip, so the crowds differ in size.
                if (random.nextInt(4) > 0 || made.isEmpty()) {
                    double p = PROBABILITIES[random.nextInt(PROBABILITIES.length)];
                    forecast(key, tokens.get(name), p);
                    made.put(name, p);
                }
            }
            Outcome outcome = SCORED[i % SCORED.length];
            resolve(key, outcome.name());
            double o = ScoringRules.outcomeValue(outcome);
            double crowd = Scores.median(new ArrayList<>(made.values()));
            made.forEach((name, p) -> {
                brier.get(name).add(ScoringRules.brier(p, o));
                log.get(name).add(ScoringRules.log(p, o));
                crowdBrier.get(name).add(ScoringRules.brier(crowd, o));
            });
        }

        for (String name : names) {
            JsonPath scores = RestAssured.get("/api/v1/forecasters/{name}", name)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .using(new JsonPathConfig(NumberReturnType.DOUBLE));
            assertEquals(brier.get(name).size(), scores.getInt("scored"), name);
            assertEquals(Scores.mean(brier.get(name)), scores.getDouble("meanBrier"), EPS, name + " Brier");
            assertEquals(Scores.mean(log.get(name)), scores.getDouble("meanLog"), EPS, name + " log");
            assertEquals(Scores.mean(crowdBrier.get(name)), scores.getDouble("crowdBrier"), EPS, name + " crowd");
        }
    }
}
