package app.hindsight.seed;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.hindsight.intake.store.SeedTriage.SeedTranscript;
import app.hindsight.prediction.PredictionService;
import app.hindsight.prediction.PredictionUpserts;
import app.hindsight.prediction.model.Command;
import app.hindsight.prediction.model.EventView;
import app.hindsight.prediction.model.NewPrediction;
import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.model.Withdrawal;
import app.hindsight.prediction.store.PredictionHistory;
import app.hindsight.seed.ImportService.Checked;
import app.hindsight.seed.SeedPlanner.Existing;
import app.hindsight.seed.SeedPlanner.Plan;
import app.hindsight.seed.SeedPlanner.Step;
import app.hindsight.shared.Upsert;
import app.hindsight.source.NewSource;
import app.hindsight.source.SeedRevision;
import app.hindsight.source.SourceService;
import io.quarkus.logging.Log;

/**
 * Loads one seed file in one transaction: each source's revision is compared with the one the database holds, under
 * a lock on the source's {@link SeedRevision} row, so of replicas starting at once one applies a revision and the
 * others then find it applied. A newer revision is planned by {@link SeedPlanner} and carried out here through the
 * ledger's own paths (create, the edit path's UPDATED event, withdraw and restore), as the actor {@code seed}; the
 * same revision creates only what is absent, as seeding always did; an older one does nothing. Predictions of a
 * source the file does not bring are created when absent. A source's transcript and triage ({@link SeedIntakes}) are
 * applied in the same transaction, under the same lock.
 */
@ApplicationScoped
class SeedRevisions {

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    ImportService imports;

    @Inject
    SourceService sources;

    @Inject
    PredictionUpserts predictions;

    @Inject
    PredictionService ledger;

    @Inject
    PredictionHistory history;

    @Inject
    SeedIntakes intakes;

    /**
     * Loads the file's items, less those of {@code kept}: the packaged seeds' sources and predictions, which a
     * folder's file may not change (hindsight.seed.dir-may-revise-packaged); they are skipped with a warning.
     */
    @Transactional
    SeedResult load(SeedFiles.SeedFile seedFile, List<ImportReader.Item> items, SeedLoader.Packaged kept) {
        String file = seedFile.name();
        Checked checked = without(file, imports.check(items, true), kept);
        Map<String, SeedTranscript> transcripts = intakes.read(seedFile, checked);
        Counts counts = new Counts();

        // Each source's row is locked in key order, so replicas loading the same file queue up, never deadlock.
        Map<String, SeedRevision> rows = new TreeMap<>();
        Map<String, Integer> held = new HashMap<>();
        Map<String, Step> steps = new HashMap<>();
        for (String key : new TreeSet<>(checked.revisions().keySet())) {
            SeedRevision row = SeedRevision.lock(key);
            int holds = SeedPlanner.held(row.recorded(), sources.exists(key));
            rows.put(key, row);
            held.put(key, holds);
            steps.put(key, Step.of(checked.revisions().get(key), holds));
        }

        for (NewSource s : checked.sources()) {
            Step step = steps.get(s.key());
            counts.add(step == Step.OLDER ? Upsert.UNCHANGED : sources.upsert(s, step == Step.SAME, false));
        }

        Map<String, Map<String, NewPrediction>> revised = new TreeMap<>();
        List<NewPrediction> createIfAbsent = new ArrayList<>();
        for (NewPrediction p : checked.predictions()) {
            Step step = p.source() == null ? null : steps.get(p.source());
            if (step == Step.NEWER) {
                revised.computeIfAbsent(p.source(), k -> new LinkedHashMap<>()).put(p.key(), p);
            } else if (step == Step.OLDER) {
                counts.unchanged++;
            } else {
                createIfAbsent.add(p);
            }
        }
        predictions
                .upsertAll(createIfAbsent, SeedPlanner.SEED, "seeded", true, false)
                .forEach(counts::add);

        List<String> conflicts = new ArrayList<>();
        for (Map.Entry<String, SeedRevision> entry : rows.entrySet()) {
            String source = entry.getKey();
            SeedRevision row = entry.getValue();
            int revision = checked.revisions().get(source);
            switch (steps.get(source)) {
                case NEWER -> {
                    Map<String, NewPrediction> wanted = revised.getOrDefault(source, Map.of());
                    Plan plan = plan(source, wanted, checked.predictions());
                    carryOut(plan, wanted, revision, counts);
                    row.applied(revision, plan.conflicts().keySet(), now());
                    conflicts.addAll(plan.conflicts().keySet());
                    Log.infof(
                            "Seed revision %d of %s applied (the database held %s)",
                            revision, source, held.get(source) == 0 ? "none" : "revision " + held.get(source));
                    if (!plan.conflicts().isEmpty()) {
                        Log.warnf(
                                "Seed revision %d of %s left %d prediction(s) as people had left them, not as the "
                                        + "revision says (GET /api/v1/sources/%s lists them): %s",
                                revision, source, plan.conflicts().size(), source, describe(plan.conflicts()));
                    }
                }
                case SAME -> {
                    if (row.recorded() == null) {
                        row.applied(revision, List.of(), now()); // seeded before revisions were recorded
                    }
                }
                case OLDER ->
                    Log.infof(
                            "Seeds %s: revision %d of %s is older than the revision %d this database holds; not loaded",
                            file, revision, source, held.get(source));
            }
            if (transcripts.containsKey(source) && steps.get(source) != Step.OLDER) {
                Prediction.flush();
                intakes.apply(
                        file,
                        source,
                        transcripts.get(source),
                        checked.intakes().get(source),
                        checked.predictions(),
                        revision,
                        steps.get(source) == Step.NEWER);
            }
        }
        Prediction.flush();
        return new SeedResult(
                counts.created, counts.updated, counts.withdrawn, counts.restored, counts.unchanged, conflicts);
    }

    private static Checked without(String file, Checked checked, SeedLoader.Packaged kept) {
        List<NewSource> sources = new ArrayList<>();
        Map<String, Integer> revisions = new HashMap<>();
        Map<String, SeedIntake> intakes = new HashMap<>();
        Set<String> skipped = new TreeSet<>();
        for (NewSource s : checked.sources()) {
            if (kept.holds(s)) {
                skipped.add(s.key());
            } else {
                sources.add(s);
                revisions.put(s.key(), checked.revisions().get(s.key()));
                if (checked.intakes().containsKey(s.key())) {
                    intakes.put(s.key(), checked.intakes().get(s.key()));
                }
            }
        }
        List<NewPrediction> predictions = new ArrayList<>();
        int skippedPredictions = 0;
        for (NewPrediction p : checked.predictions()) {
            if (kept.holds(p)) {
                skippedPredictions++;
                skipped.add(p.source() != null && kept.sources().contains(p.source()) ? p.source() : p.key());
            } else {
                predictions.add(p);
            }
        }
        if (skipped.isEmpty()) {
            return checked;
        }
        Log.warnf(
                "Seeds %s: %d source(s) and %d prediction(s) skipped, since they belong to the seeds packaged in the "
                        + "application (%s), which a seed folder's file may not change unless "
                        + "hindsight.seed.dir-may-revise-packaged is true",
                file, checked.sources().size() - sources.size(), skippedPredictions, String.join(", ", skipped));
        return new Checked(List.copyOf(sources), Map.copyOf(revisions), Map.copyOf(intakes), List.copyOf(predictions));
    }

    /** Reads what the database has of the source's predictions and of the revision's keys, and plans. */
    private Plan plan(String source, Map<String, NewPrediction> wanted, List<NewPrediction> all) {
        Set<String> elsewhere = new HashSet<>();
        all.stream().map(NewPrediction::key).filter(k -> !wanted.containsKey(k)).forEach(elsewhere::add);
        Map<String, PredictionUpserts.Stored> stored = predictions.stored(wanted.keySet(), source, SeedPlanner.SEED);
        Set<String> keys = new HashSet<>(wanted.keySet());
        keys.addAll(stored.keySet());
        Map<String, List<EventView>> events = history.of(keys);
        Map<String, Existing> existing = new HashMap<>();
        for (String key : keys) {
            PredictionUpserts.Stored s = stored.get(key);
            List<EventView> past = events.getOrDefault(key, List.of());
            if (s != null) {
                existing.put(key, new Existing(key, json.valueToTree(s.content()), s.status(), past));
            } else if (!past.isEmpty()) {
                existing.put(key, new Existing(key, null, null, past)); // deleted: only its history is left
            }
        }
        Map<String, JsonNode> revision = new LinkedHashMap<>();
        wanted.forEach((key, p) -> revision.put(key, json.valueToTree(p)));
        return SeedPlanner.plan(source, revision, elsewhere, existing);
    }

    private void carryOut(Plan plan, Map<String, NewPrediction> wanted, int revision, Counts counts) {
        for (String key : plan.create()) {
            predictions.create(wanted.get(key), SeedPlanner.SEED, "seeded (revision " + revision + ")");
            counts.created++;
        }
        for (String key : plan.restore()) {
            ledger.execute(key, null, SeedPlanner.SEED, new Command.Restore("back in seed revision " + revision));
            counts.restored++;
        }
        for (String key : plan.update()) {
            predictions.update(key, wanted.get(key), SeedPlanner.SEED, "seed revision " + revision);
            counts.updated++;
        }
        for (String key : plan.withdraw()) {
            ledger.execute(
                    key,
                    null,
                    SeedPlanner.SEED,
                    new Command.Withdraw(new Withdrawal("dropped in seed revision " + revision)));
            counts.withdrawn++;
        }
        counts.unchanged += plan.unchanged() + plan.conflicts().size();
    }

    private static String describe(Map<String, String> conflicts) {
        List<String> parts = new ArrayList<>();
        conflicts.forEach((key, why) -> parts.add(key + " (" + why + ")"));
        return String.join(", ", parts);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static final class Counts {
        int created;
        int updated;
        int withdrawn;
        int restored;
        int unchanged;

        void add(Upsert outcome) {
            switch (outcome) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
    }
}
