package app.hindsight.seed;

import java.util.List;

/**
 * What loading a seed file did. Sources and predictions are counted together, as an import counts them;
 * {@code conflicts} are the keys of predictions a newer revision left as people had left them.
 */
record SeedResult(int created, int updated, int withdrawn, int restored, int unchanged, List<String> conflicts) {}
