package app.hindsight.source;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Source")
public record SourceView(String key, String title, String speaker, LocalDate date, String url, String language,
        String description, Instant createdAt, Instant updatedAt, long version) {
}
