package app.hindsight.seed;

/** What an import did, or with dryRun would do: items counted by outcome, sources and predictions together. */
public record ImportResult(int created, int updated, int unchanged, boolean dryRun) {
}
