package app.hindsight.seed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.hindsight.intake.store.DismissReason;
import app.hindsight.intake.store.TranscriptFormat;
import app.hindsight.json.JsonErrors;
import app.hindsight.shared.FieldError;
import app.hindsight.shared.Validation;

/**
 * A seed file's source entry's intake: the file holding the source's transcript, next to the seed file (packaged with
 * it), and the triage of the candidates the rules find in it that are none of the seeded predictions (those are
 * accepted as their predictions, by their quotes). Both fields are null when the entry has none.
 */
record SeedIntake(@Valid TranscriptFile transcript, List<@NotNull @Valid Triage> triage) {

    /**
     * The transcript's file name (no folder), its media type (text/plain by default) and language. Described in the
     * API as {@code ImportSource.transcript}, a map of strings (see there why not as a schema of its own).
     */
    record TranscriptFile(
            @NotBlank
            @Size(max = 200)
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "a file name next to the seed file, no folder")
            String file,

            @Size(max = 100) String mediaType,

            @Size(max = 35) String language) {

        String mediaTypeOrDefault() {
            return mediaType == null ? TranscriptFormat.PLAIN.mediaType : mediaType;
        }
    }

    /** The candidate whose words hold {@code quote} is dismissed for {@code dismiss}, with a note. */
    @Schema(name = "SeedTriageEntry")
    record Triage(
            @NotBlank
            @Size(max = 2000)
            @Schema(description = "words of the candidate, verbatim", example = "低故障率會產生麻痺大意")
            String quote,

            @NotNull DismissReason dismiss,
            @Size(max = 2000) String note) {}

    /** A source entry's transcript and triage (a seed file's; an import checks them and records neither). */
    static SeedIntake read(
            JsonNode transcript, JsonNode triage, ObjectMapper json, Validation validation, List<FieldError> errors) {
        ObjectNode fields = json.createObjectNode();
        if (transcript != null && !transcript.isNull()) {
            fields.set("transcript", transcript);
        }
        if (triage != null && !triage.isNull()) {
            fields.set("triage", triage);
        }
        if (fields.isEmpty()) {
            return null;
        }
        try {
            SeedIntake intake = json.treeToValue(fields, SeedIntake.class);
            errors.addAll(validation.errors(intake));
            return intake;
        } catch (JsonProcessingException e) {
            errors.addAll(JsonErrors.describe(e).errors());
            return null;
        }
    }

    boolean isEmpty() {
        return transcript == null && (triage == null || triage.isEmpty());
    }

    /** What bean validation cannot say: a known media type, a language, triage only with a transcript, no twins. */
    List<FieldError> errors(String sourceLanguage) {
        List<FieldError> errors = new ArrayList<>();
        if (transcript != null) {
            if (TranscriptFormat.of(transcript.mediaTypeOrDefault()).isEmpty()) {
                errors.add(new FieldError("transcript.mediaType", "must be " + TranscriptFormat.names()));
            }
            if (transcript.language() == null && sourceLanguage == null) {
                errors.add(new FieldError("transcript.language", "required: the source has no language"));
            }
        }
        if (triage != null && !triage.isEmpty() && transcript == null) {
            errors.add(new FieldError("triage", "needs the source's transcript"));
        }
        Set<String> quotes = new HashSet<>();
        for (int i = 0; triage != null && i < triage.size(); i++) {
            Triage t = triage.get(i);
            if (t != null && t.quote() != null && !quotes.add(t.quote())) {
                errors.add(new FieldError("triage[" + i + "].quote", "appears earlier in the triage"));
            }
        }
        return errors;
    }
}
