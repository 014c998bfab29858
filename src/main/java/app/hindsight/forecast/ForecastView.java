package app.hindsight.forecast;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A forecast as the API shows it (and a CSV row); {@code forecaster} is the name of the token that made it. Whether
 * it scores is worked out on every read ({@link Unscored}), so a reopen or a new knownOn shows at once.
 */
@JsonPropertyOrder({
    "id",
    "forecaster",
    "probability",
    "note",
    "at",
    "scored",
    "unscoredBecause",
    "onVersion",
    "amendedSince"
})
public record ForecastView(
        @Schema(required = true, example = "1") long id,
        @Schema(required = true, example = "alice") String forecaster,

        @Schema(required = true, minimum = "0.01", maximum = "0.99", example = "0.3")
        double probability,

        @Schema(example = "Prices fell 10x a year since 2023")
        String note,

        @Schema(required = true) Instant at,

        @Schema(
                required = true,
                description = "whether it counts in the forecaster's scores, the crowd and every aggregate of scores")
        boolean scored,

        @Schema(description = "why it does not score; null when it does")
        Unscored unscoredBecause,

        @Schema(
                required = true,
                example = "1",
                description = "the version of the prediction's statement, resolutionCriteria, target and metric it "
                        + "was made on (see GET /predictions/{key}/versions)")
        int onVersion,

        @Schema(required = true, description = "whether the prediction was amended after this forecast was made")
        boolean amendedSince) {}
