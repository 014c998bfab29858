package app.hindsight.seed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did, or with dryRun would do: items counted by outcome, sources and predictions together. */
@Schema(requiredProperties = {"created", "updated", "unchanged", "dryRun"})
public record ImportResult(int created, int updated, int unchanged, boolean dryRun) {}
