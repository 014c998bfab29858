package app.hindsight.prediction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.domain.Upsert;

/** Bulk upsert of predictions by key, for imports and seeds (seed.ImportService validates and calls it). */
@ApplicationScoped
public class PredictionUpserts {

    @Inject
    PredictionService predictions;

    @Inject
    PredictionKeys keys;

    /**
     * Upserts, in the caller's transaction. Items are valid. An item that names its key is created when absent,
     * updated when different, left alone when equal. An item without a key is always created, under the first free
     * key of its statement's base ({@link PredictionKeys#freeKeys}), like a create: a generated key identifies
     * nothing, so upserting by it would overwrite an unrelated prediction. With {@code createOnly} (seeds) nothing
     * that exists or existed is touched: a user's edit, resolution, withdrawal or deletion wins. Keys of deleted
     * predictions must have been refused by the caller otherwise (see {@link PredictionKeys#retiredKeys}).
     */
    public List<Upsert> upsertAll(
            List<NewPrediction> items, String actor, String note, boolean createOnly, boolean dryRun) {
        List<String> named =
                items.stream().map(NewPrediction::key).filter(Objects::nonNull).toList();
        Map<String, Prediction> existing = new HashMap<>();
        for (List<String> chunk : PredictionKeys.chunks(named)) {
            Prediction.<Prediction>list("key in ?1", chunk).forEach(p -> existing.put(p.key, p));
        }
        Set<String> retired = createOnly ? keys.retiredKeys(named) : Set.of();
        Iterator<String> generated = keys.freeKeys(
                        items.stream()
                                .filter(in -> in.key() == null)
                                .map(in -> Keys.fromStatement(in.statement()))
                                .toList(),
                        Set.copyOf(named))
                .iterator();
        List<Upsert> outcomes = new ArrayList<>(items.size());
        Instant now = predictions.now();
        LocalDate today = predictions.today();
        for (NewPrediction in : items) {
            Prediction p = in.key() == null ? null : existing.get(in.key());
            if (p == null && in.key() != null && retired.contains(in.key())) {
                outcomes.add(Upsert.UNCHANGED);
            } else if (p == null) {
                if (!dryRun) {
                    predictions.insert(in.key() == null ? in.withKey(generated.next()) : in, actor, note, now, today);
                }
                outcomes.add(Upsert.CREATED);
            } else if (createOnly || p.holds(in)) {
                outcomes.add(Upsert.UNCHANGED);
            } else {
                if (!dryRun) {
                    predictions.update(p, in, actor, note, now, today);
                }
                outcomes.add(Upsert.UPDATED);
            }
        }
        return outcomes;
    }
}
