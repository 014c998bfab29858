package app.hindsight.prediction.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A prediction as the API shows it. */
// Required: always present, never null. Any other property may be null (web.OpenApiTruthFilter says so).
@Schema(
        name = "Prediction",
        requiredProperties = {
            "key",
            "statement",
            "kind",
            "topics",
            "target",
            "status",
            "createdAt",
            "updatedAt",
            "version"
        })
public record PredictionView(
        String key,
        String statement,
        Kind kind,
        String speaker,
        String source,
        LocalDate madeOn,
        Quote quote,
        List<String> topics,
        Target target,
        @Schema(type = SchemaType.STRING, example = "P6M") Period reviewEvery,

        @Schema(description = "Start of the day after target.date in the configured zone")
        Instant dueAt,

        @Schema(
                description =
                        "Date of the next review: the earlier of the due date and the next periodic review, or a deferral's date")
        LocalDate nextReviewOn,

        String resolutionCriteria,
        Metric metric,
        Status status,
        ResolutionView resolution,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** The prediction as the API shows it. */
    static PredictionView of(Prediction p) {
        return new PredictionView(
                p.key,
                p.statement,
                p.kind,
                p.speaker,
                p.source,
                p.madeOn,
                p.quote,
                List.copyOf(p.topics),
                p.target,
                p.reviewEvery,
                p.dueAt,
                p.nextReviewOn,
                p.resolutionCriteria,
                p.metric,
                p.status,
                p.outcome == null
                        ? null
                        : new PredictionView.ResolutionView(
                                p.outcome,
                                p.voidReason,
                                p.resolvedOn,
                                p.knownOn,
                                p.resolutionNote,
                                p.resolutionEvidence == null ? List.of() : p.resolutionEvidence,
                                p.resolvedBy,
                                p.verdict == null ? null : p.verdict.state,
                                p.verdict == null ? null : p.verdict.finalAt),
                p.createdAt,
                p.updatedAt,
                p.version);
    }

    @Schema(
            name = "ResolutionState",
            requiredProperties = {"outcome", "resolvedOn", "knownOn", "evidence", "state", "finalAt"})
    public record ResolutionView(
            Outcome outcome,

            @Schema(description = "why it does not count; only with outcome VOID")
            VoidReason voidReason,

            LocalDate resolvedOn,

            @Schema(description = "the day the answer became known: forecasts made on or after it do not score")
            LocalDate knownOn,

            String note,
            List<Evidence> evidence,
            String by,

            @Schema(
                    description = "PROVISIONAL until finalAt (hindsight.verdict.dispute-window after it was recorded),"
                            + " then FINAL: only FINAL verdicts count in track records, scores and stats by default")
            VerdictState state,

            @Schema(description = "when the verdict becomes FINAL, or became so")
            Instant finalAt) {}
}
