package app.hindsight.trackrecord;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import app.hindsight.prediction.model.Kind;

/**
 * A speaker's track record. The list shows the overall figures; {@code GET /speakers/{name}} adds them by kind and
 * by topic, and the resolved predictions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpeakerView(
        @Schema(required = true, example = "Sam Altman") String name,
        @JsonUnwrapped TrackRecord record,

        @Schema(description = "the same figures per kind; only on GET /speakers/{name}")
        Map<Kind, TrackRecord> byKind,

        @Schema(description = "the same figures per topic; only on GET /speakers/{name}")
        Map<String, TrackRecord> byTopic,

        @Schema(
                description = "the resolved predictions, latest resolution first (at most `limit`); only on GET "
                        + "/speakers/{name}")
        List<ResolvedCall> resolved,

        @Schema(
                description = "how many of the sources this record rests on are fully triaged (every forward-looking "
                        + "sentence of the transcript accepted or dismissed); only on GET /speakers/{name}")
        app.hindsight.intake.store.SourceTriage sources) {

    /** A resolved prediction of the speaker's, with the crowd's probability at its close (null without forecasts). */
    public record ResolvedCall(
            @Schema(required = true, example = "gpt5-level-cost-100x-by-2027")
            String key,

            @Schema(required = true) String statement,
            @Schema(required = true) Kind kind,
            @Schema(required = true) app.hindsight.prediction.model.Outcome outcome,
            @Schema(required = true) java.time.LocalDate resolvedOn,
            @Schema(example = "0.35") Double crowdProbability) {}
}
