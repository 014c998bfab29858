package app.hindsight.review;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.text.SingleLine;

/** Who reviews; null or blank unassigns. */
public record Assignment(
        @Size(max = 200) @SingleLine @Schema(example = "alice")
        String assignee) {}
