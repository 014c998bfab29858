package app.hindsight.prediction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.prediction.model.EventType;
import app.hindsight.prediction.model.NewPrediction;
import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.model.Status;
import app.hindsight.prediction.store.PredictionInserts;
import app.hindsight.prediction.store.PredictionKeys;
import app.hindsight.shared.Keys;
import app.hindsight.shared.Upsert;

/** Bulk upsert of predictions by key, for imports and seeds (seed.ImportService validates and calls it). */
@ApplicationScoped
public class PredictionUpserts {

    @Inject
    PredictionService predictions;

    @Inject
    PredictionKeys keys;

    @Inject
    PredictionInserts inserts;

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
        // Which exist first (one array look-up, see PredictionKeys.keysAmong), then only those loaded as entities.
        for (List<String> chunk : PredictionKeys.chunks(keys.presentKeys(named))) {
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
        // New predictions go in JDBC batches (PredictionInserts), after the loop; updates take the entity path.
        List<NewPrediction> created = new ArrayList<>();
        Instant now = predictions.now();
        LocalDate today = predictions.today();
        for (NewPrediction in : items) {
            Prediction p = in.key() == null ? null : existing.get(in.key());
            if (p == null && in.key() != null && retired.contains(in.key())) {
                outcomes.add(Upsert.UNCHANGED);
            } else if (p == null) {
                NewPrediction keyed = in.key() == null ? in.withKey(generated.next()) : in;
                if (!dryRun) {
                    created.add(keyed);
                }
                outcomes.add(Upsert.CREATED);
            } else if (createOnly || p.holds(in)) {
                outcomes.add(Upsert.UNCHANGED);
            } else {
                if (dryRun) {
                    predictions.checkMetric(p, in);
                } else {
                    predictions.update(p, in, actor, note, now, today);
                }
                outcomes.add(Upsert.UPDATED);
            }
        }
        inserts.insertAll(created, actor, note, now, today);
        return outcomes;
    }

    // --- for seed revisions (seed.SeedRevisions), in the caller's transaction ------------------------------------

    /** A stored prediction as a seed revision compares it: the fields a client sets, and its status. */
    public record Stored(String key, NewPrediction content, Status status) {}

    /**
     * The stored predictions that have one of these keys, or come from this source and were created by
     * {@code creator} (the seed: people may file many predictions of their own under a seeded source, and those are
     * none of a seed revision's business), by key.
     */
    public Map<String, Stored> stored(Collection<String> keys, String source, String creator) {
        List<String> created = Prediction.getEntityManager()
                .createQuery(
                        "select p.key from Prediction p where p.source = :source and exists (select 1 from "
                                + "PredictionEvent e where e.predictionKey = p.key and e.type = :created "
                                + "and e.actor = :creator)",
                        String.class)
                .setParameter("source", source)
                .setParameter("created", EventType.CREATED)
                .setParameter("creator", creator)
                .getResultList();
        Set<String> wanted = new java.util.LinkedHashSet<>(keys);
        wanted.addAll(created);
        Map<String, Stored> stored = new HashMap<>();
        for (List<String> chunk : PredictionKeys.chunks(List.copyOf(wanted))) {
            Prediction.<Prediction>list("key in ?1", chunk)
                    .forEach(p -> stored.put(p.key, new Stored(p.key, p.toInput(), p.status)));
        }
        return stored;
    }

    /** Creates a prediction; its CREATED event carries the actor and the note. */
    public void create(NewPrediction in, String actor, String note) {
        predictions.insert(in, actor, note, predictions.now(), predictions.today());
    }

    /**
     * Brings a prediction to {@code in} through the path of every edit: an UPDATED event records each changed field,
     * old and new; nothing when nothing differs. A change that is an amendment is recorded as one, with the note
     * (the seed revision) as its reason.
     */
    public void update(String key, NewPrediction in, String actor, String note) {
        Prediction p = Prediction.<Prediction>find("key", key).firstResult();
        if (p == null) {
            throw new app.hindsight.shared.NotFound("prediction", key);
        }
        NewPrediction explained = in.amendment() == null ? in.withAmendment(note) : in;
        predictions.update(p, explained, actor, note, predictions.now(), predictions.today());
    }

    /**
     * The positions among {@code items} (valid, as {@link #upsertAll} takes them) of those that would amend a stored
     * prediction without saying why (see PredictionService#update): an import refuses them, each by its index.
     */
    public List<Integer> unexplainedAmendments(List<NewPrediction> items) {
        List<String> keysToCheck = new ArrayList<>();
        for (NewPrediction in : items) {
            if (in.key() != null && in.amendment() == null) {
                keysToCheck.add(in.key());
            }
        }
        Map<String, Prediction> stored = new HashMap<>();
        for (List<String> chunk : PredictionKeys.chunks(keys.presentKeys(keysToCheck))) {
            Prediction.<Prediction>list("key in ?1", chunk).forEach(p -> stored.put(p.key, p));
        }
        List<Integer> refused = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            NewPrediction in = items.get(i);
            Prediction p = in.key() == null || in.amendment() != null ? null : stored.get(in.key());
            if (p != null && predictions.amends(p, in)) {
                refused.add(i);
            }
        }
        return refused;
    }
}
