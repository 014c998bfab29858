package app.hindsight.forecast;

import static app.hindsight.forecast.Forecasters.forecast;
import static app.hindsight.forecast.Forecasters.prediction;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import app.hindsight.TestClock;
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
 * latest before the close, reopening). Here each forecaster forecasts on day 1 and some again on day 2; every
 * prediction is resolved on day 3, every other one with knownOn day 2, so that there a forecaster's day-2 forecast
 * does not score and their day-1 one does (the latest made before knownOn), and elsewhere the day-2 one does.
 */
@QuarkusTest
class ScoreSqlAgreementTest {

    private static final double EPS = 1e-9;
    private static final Instant DAY_1 = Instant.parse("2026-06-01T10:00:00Z");
    private static final Outcome[] SCORED = {Outcome.CORRECT, Outcome.INCORRECT, Outcome.PARTIALLY_CORRECT};
    /** The edges of what a forecast may be, and values between. */
    private static final double[] PROBABILITIES = {0.01, 0.99, 0.5, 0.1, 0.9, 0.33, 0.67, 0.25, 0.05, 0.75};

    /** Resolves with this outcome, and knownOn when given (else it defaults to the day of resolution). */
    private static void resolve(String key, Outcome outcome, LocalDate knownOn) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("outcome", outcome.name(), "note", "checked"));
        if (knownOn != null) {
            body.put("knownOn", knownOn.toString());
        }
        TestData.predictions()
                .contentType("application/json")
                .body(body)
                .post("{key}/resolution", key)
                .then()
                .statusCode(200)
                .body("resolution.knownOn", org.hamcrest.Matchers.notNullValue());
    }

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
        TestClock clock = TestClock.install(DAY_1);
        List<String> keys = new ArrayList<>();
        List<Map<String, Double>> firsts = new ArrayList<>();
        List<Map<String, Double>> seconds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String key = prediction("Agreement Speaker " + run, "agreement");
            Map<String, Double> first = new LinkedHashMap<>();
            for (String name : names) {
                // Most forecasters forecast most predictions; some skip, so the crowds differ in size.
                if (random.nextInt(4) > 0 || first.isEmpty()) {
                    double p = PROBABILITIES[random.nextInt(PROBABILITIES.length)];
                    forecast(key, tokens.get(name), p);
                    first.put(name, p);
                }
            }
            keys.add(key);
            firsts.add(first);
        }
        clock.set(DAY_1.plus(Duration.ofDays(1)));
        for (int i = 0; i < 12; i++) {
            Map<String, Double> second = new LinkedHashMap<>();
            for (String name : firsts.get(i).keySet()) {
                if (random.nextBoolean()) {
                    double p = PROBABILITIES[random.nextInt(PROBABILITIES.length)];
                    forecast(keys.get(i), tokens.get(name), p);
                    second.put(name, p);
                }
            }
            seconds.add(second);
        }
        clock.set(DAY_1.plus(Duration.ofDays(2)));
        for (int i = 0; i < 12; i++) {
            Outcome outcome = SCORED[i % SCORED.length];
            boolean knownOnDay2 = i % 2 == 0;
            resolve(
                    keys.get(i),
                    outcome,
                    knownOnDay2 ? LocalDate.ofInstant(DAY_1, ZoneOffset.UTC).plusDays(1) : null);
            // Each forecaster's latest forecast made before knownOn: day 1's where knownOn is day 2, else the latest.
            Map<String, Double> made = new LinkedHashMap<>(firsts.get(i));
            if (!knownOnDay2) {
                made.putAll(seconds.get(i));
            }
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
