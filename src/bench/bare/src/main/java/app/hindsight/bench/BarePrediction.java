package app.hindsight.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * GET /prediction: one fixed prediction, shaped and sized like Hindsight's GET /api/v1/predictions/{key}
 * (about 1.4 KB of JSON). The object is built once at startup; Jackson serializes it on every request, as
 * Hindsight does with its view, so the difference between the two is what Hindsight adds: security, the
 * transaction, the query and the mapping.
 */
@Path("/prediction")
public class BarePrediction {

    public record Quote(String text, String lang, String locator) {
    }

    public record Target(LocalDate date, String precision, String basis, String label) {
    }

    public record Baseline(double value, LocalDate on) {
    }

    public record Metric(String name, String unit, Baseline baseline, double target, String direction) {
    }

    public record Prediction(String key, String statement, String kind, String speaker, String source,
            LocalDate madeOn, Quote quote, List<String> topics, Target target, String reviewEvery, Instant dueAt,
            LocalDate nextReviewOn, String resolutionCriteria, Metric metric, String status, Object resolution,
            Instant createdAt, Instant updatedAt, long version) {
    }

    private static final Prediction PREDICTION = new Prediction(
            "gpt5-level-intelligence-100x-cheaper-by-2027",
            "By the end of 2027 OpenAI will offer GPT-5-level intelligence at a cost at least 100 times lower than in early 2026.",
            "FORECAST", "Sam Altman", "altman-town-hall-2026-01-27", LocalDate.parse("2026-01-27"),
            new Quote("到2027年底，OpenAI將提供類似GPT-5水平的高級智能，成本至少降低100倍", "zh-Hant",
                    "§5 AI模型的成本與速度趨勢：小模型與成本降低空間？"),
            List.of("cost", "models"),
            new Target(LocalDate.parse("2027-12-31"), "YEAR", "EXPLICIT", "by the end of 2027"),
            "P6M", Instant.parse("2028-01-01T00:00:00Z"), LocalDate.parse("2027-05-28"),
            "On 2027-12-31 compare OpenAI's API price (blended USD per million input and output tokens) for its "
                    + "cheapest model that matches GPT-5 on standard benchmarks (e.g. GPQA, SWE-bench Verified, AIME, "
                    + "MMLU-Pro) with GPT-5's price in early 2026 (USD 1.25 input / 10 output per million tokens); "
                    + "CORRECT if the ratio is at most 0.01, PARTIALLY_CORRECT if between 0.01 and 0.1, INCORRECT "
                    + "if above 0.1.",
            new Metric("price of GPT-5-level intelligence relative to early 2026", "ratio",
                    new Baseline(1.0, LocalDate.parse("2026-01-27")), 0.01, "DECREASE"),
            "OPEN", null, Instant.parse("2026-11-28T12:47:23.860827Z"), Instant.parse("2026-11-28T12:47:23.860827Z"),
            0);

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Prediction get() {
        return PREDICTION;
    }
}
