package app.hindsight.forecast;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.shared.Paged;

/**
 * A page of a prediction's forecasts, oldest first, and what the forecasters' latest ones (all of them, not only this
 * page's) say together.
 */
public record ForecastList(
        @Schema(required = true, example = "gpt5-level-cost-100x-by-2027")
        String prediction,

        @Schema(required = true) Aggregate aggregate,
        @Schema(required = true, maxItems = Paged.MAX_LIMIT) List<ForecastView> items,
        String nextCursor) {

    /** Over each forecaster's latest forecast; median and mean are null when there is none. */
    @Schema(name = "ForecastAggregate")
    public record Aggregate(
            @Schema(required = true, example = "3") int forecasters,
            @Schema(example = "0.35") Double median,
            @Schema(example = "0.4") Double mean) {}
}
