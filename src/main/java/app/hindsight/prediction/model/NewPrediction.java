package app.hindsight.prediction.model;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.shared.Keys;
import app.hindsight.text.MultiLine;
import app.hindsight.text.SingleLine;

/**
 * The fields a client may set: the body of a create and of an import item, and what a merge patch is
 * applied to. Status, dates computed by the server, and the version are deliberately absent.
 */
@Schema(name = "NewPrediction", description = "A prediction as a client writes it")
public record NewPrediction(
        @Size(min = 3, max = 80)
        @SingleLine
        @Pattern(regexp = Keys.SLUG, message = Keys.SLUG_MESSAGE)
        @Schema(
                description = "Slug used in URLs; generated from the statement when absent; immutable",
                example = "gpt5-level-intelligence-100x-cheaper-by-2027")
        String key,

        @NotBlank
        @Size(max = 1000)
        @SingleLine
        @Schema(
                description = "The claim in English, one checkable sentence",
                example =
                        "By the end of 2027 OpenAI will offer GPT-5-level intelligence at least 100 times cheaper than in early 2026.")
        String statement,

        @NotNull Kind kind,

        @Size(max = 200)
        @SingleLine
        @Schema(description = "Who said it; defaults to the source's speaker", example = "Sam Altman")
        String speaker,

        @Size(max = 80)
        @SingleLine
        @Pattern(regexp = Keys.SLUG, message = Keys.SLUG_MESSAGE)
        @Schema(description = "Key of the source it comes from", example = "altman-town-hall-2026-01-27")
        String source,

        @Schema(description = "When it was said; defaults to the source's date")
        LocalDate madeOn,

        @Valid Quote quote,

        @Size(max = 20) @Schema(example = "[\"cost\", \"models\"]")
        List<
                        @NotNull @Size(max = 50) @SingleLine
                        @Pattern(regexp = Keys.SLUG, message = "must be a lower-case tag like k12-education") String>
                topics,

        @NotNull @Valid Target target,

        @Schema(
                type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                example = "P6M",
                description = "ISO-8601 period of periodic review; required when target.basis is NONE")
        Period reviewEvery,

        @Size(max = 4000)
        @MultiLine
        @Schema(
                example =
                        "Compare OpenAI's price per token for a GPT-5-level model at the end of 2027 with January 2026.")
        String resolutionCriteria,

        @Valid Metric metric,

        @Size(max = 1000)
        @SingleLine
        @Schema(
                description = "Why statement, resolutionCriteria, target or metric change once the prediction has a "
                        + "forecast, a review or a seed revision: required then (or the Hindsight-Amendment header), "
                        + "recorded on the AMENDED event, not stored on the prediction",
                example = "The criteria named a price index that was discontinued")
        String amendment) {

    /** The fields whose change, once a prediction is on the record, is an amendment that needs a reason. */
    public static final List<String> AMENDABLE = List.of("statement", "resolutionCriteria", "target", "metric");

    /** Whether this differs from {@code stored} in an amendable field, compared as {@link Prediction#holds} does. */
    public boolean amends(NewPrediction stored) {
        NewPrediction was = stored.comparable();
        NewPrediction next = comparable();
        return !Objects.equals(was.statement(), next.statement())
                || !Objects.equals(was.resolutionCriteria(), next.resolutionCriteria())
                || !Objects.equals(was.target(), next.target())
                || !Objects.equals(was.metric(), next.metric());
    }

    /** This prediction with the reason for an amendment (null for none). */
    public NewPrediction withAmendment(String reason) {
        return new NewPrediction(
                key,
                statement,
                kind,
                speaker,
                source,
                madeOn,
                quote,
                topics,
                target,
                reviewEvery,
                resolutionCriteria,
                metric,
                reason);
    }

    public NewPrediction withKey(String newKey) {
        return new NewPrediction(
                newKey,
                statement,
                kind,
                speaker,
                source,
                madeOn,
                quote,
                topics,
                target,
                reviewEvery,
                resolutionCriteria,
                metric,
                amendment);
    }

    /**
     * This prediction as a stored one compares: the statement stripped, topics a set (sorted, without repeats).
     */
    NewPrediction comparable() {
        List<String> sortedTopics = topics() == null
                ? List.of()
                : topics().stream().distinct().sorted().toList();
        return new NewPrediction(
                key(),
                statement() == null ? null : statement().strip(),
                kind(),
                speaker(),
                source(),
                madeOn(),
                quote(),
                sortedTopics,
                target(),
                reviewEvery(),
                resolutionCriteria(),
                metric(),
                null);
    }
}
