package app.hindsight.source;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

// Required: always present, never null. Any other property may be null (web.OpenApiTruthFilter says so).
@Schema(
        name = "Source",
        requiredProperties = {"key", "title", "speaker", "date", "createdAt", "updatedAt", "version"})
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
        long version) {}
