package app.hindsight.source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

// Required: always present, never null. Any other property may be null (web.OpenApiTruthFilter says so).
@Schema(
        name = "Source",
        requiredProperties = {"key", "title", "speaker", "date", "createdAt", "updatedAt", "version", "seedConflicts"})
public record SourceView(
        String key,
        String title,
        String speaker,
        LocalDate date,
        String url,
        String language,
        String description,
        Instant createdAt,
        Instant updatedAt,
        long version,

        @Schema(
                description = "The revision of this source's seed file that was last applied here; null for a source "
                        + "that no seed file brought",
                minimum = "1",
                example = "2")
        Integer seedRevision,

        @Schema(
                description = "Keys of the predictions that revision left as people had left them (edited, resolved, "
                        + "deferred, withdrawn or deleted), sorted; empty when none",
                maxItems = 100000,
                example = "[\"gpt5-level-intelligence-100x-cheaper-by-2027\"]")
        List<String> seedConflicts) {

    /** A source with no seed revision recorded. */
    public SourceView(
            String key,
            String title,
            String speaker,
            LocalDate date,
            String url,
            String language,
            String description,
            Instant createdAt,
            Instant updatedAt,
            long version) {
        this(key, title, speaker, date, url, language, description, createdAt, updatedAt, version, null, List.of());
    }
}
