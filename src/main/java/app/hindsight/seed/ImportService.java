package app.hindsight.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.prediction.PredictionUpserts;
import app.hindsight.prediction.model.NewPrediction;
import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.model.PredictionValidation;
import app.hindsight.prediction.store.PlannerStatistics;
import app.hindsight.prediction.store.PredictionKeys;
import app.hindsight.prediction.store.PredictionVersions;
import app.hindsight.seed.ImportReader.Item;
import app.hindsight.shared.FieldError;
import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.Keys;
import app.hindsight.shared.Upsert;
import app.hindsight.shared.Validation;
import app.hindsight.source.NewSource;
import app.hindsight.source.SourceService;
import app.hindsight.source.SourceView;

/**
 * Bulk upsert of sources and predictions by key, all or nothing: every item is parsed and validated
 * first, and one bad item means nothing is written and every bad item is reported with its index.
 * Sources are written before predictions, so a file can bring its own source.
 */
@ApplicationScoped
public class ImportService {

    @Inject
    Validation validation;

    @Inject
    SourceService sources;

    @Inject
    PredictionValidation predictionValidation;

    @Inject
    PredictionKeys predictionKeys;

    @Inject
    PredictionUpserts predictions;

    @Inject
    PlannerStatistics statistics;

    /**
     * Imports. Items without a key are created under generated keys; when a concurrent writer takes one first,
     * the import runs again (see PredictionKeys#writeGeneratingKeys).
     */
    public ImportResult run(List<Item> items, String actor, boolean dryRun) {
        boolean generatesKeys = items.stream().anyMatch(Item::generatesKey);
        ImportResult result = predictionKeys.writeGeneratingKeys(generatesKeys, () -> apply(items, actor, dryRun));
        if (!dryRun) {
            statistics.afterImport(result.created() + result.updated());
        }
        return result;
    }

    /**
     * The items of an import or a seed file, parsed and validated: its sources (keyed), the revision each source
     * entry carries (1 when absent), and its predictions, completed from their source.
     */
    record Checked(
            List<NewSource> sources,
            Map<String, Integer> revisions,
            Map<String, SeedIntake> intakes,
            List<NewPrediction> predictions) {}

    private ImportResult apply(List<Item> items, String actor, boolean dryRun) {
        Checked checked = check(items, false);
        // Sources and predictions each say CREATED, UPDATED or UNCHANGED.
        Map<String, Integer> counts = new HashMap<>();
        for (NewSource s : checked.sources()) {
            Upsert outcome = sources.upsert(s, false, dryRun);
            counts.merge(outcome.name(), 1, Integer::sum);
        }
        for (Upsert outcome : predictions.upsertAll(checked.predictions(), actor, "imported", false, dryRun)) {
            counts.merge(outcome.name(), 1, Integer::sum);
        }
        // Inside the method, so a concurrent import of the same keys surfaces as a 409, not at commit.
        Prediction.flush();
        return new ImportResult(
                counts.getOrDefault("CREATED", 0),
                counts.getOrDefault("UPDATED", 0),
                counts.getOrDefault("UNCHANGED", 0),
                dryRun);
    }

    /**
     * Parses and validates every item, all or nothing: one bad item throws {@link InvalidImport} naming each bad
     * item (index and field). A source may carry {@code revision}, an integer of at least 1: the seed loader applies
     * it; an import checks it and goes on, so a seed file can be checked ({@code dryRun}) or imported as it is. A
     * seed file must name every prediction's key, since it is loaded on every start. A source's {@code transcript}
     * and {@code triage} are checked too, and only the seed loader applies them.
     */
    Checked check(List<Item> items, boolean seed) {
        List<FieldError> errors = new ArrayList<>();
        List<NewSource> newSources = new ArrayList<>();
        Map<String, Integer> revisions = new HashMap<>();
        Map<String, SeedIntake> intakes = new HashMap<>();
        List<Integer> predictionIndexes = new ArrayList<>();
        List<NewPrediction> rawPredictions = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            final int index = i;
            item.errors().forEach(e -> errors.add(e.at(index)));
            if (item.source() != null) {
                NewSource s = item.source();
                List<FieldError> invalid = validation.errors(s);
                invalid.forEach(e -> errors.add(e.at(index)));
                if (invalid.isEmpty()) {
                    NewSource keyed = s.key() != null ? s : withKey(s, Keys.fromTitle(s.title()));
                    if (!keys.add("source:" + keyed.key())) {
                        errors.add(new FieldError(i, "key", "a source with this key appears earlier in the import"));
                    }
                    newSources.add(keyed);
                    revisions.put(keyed.key(), item.revision() == null ? 1 : item.revision());
                    if (item.intake() != null && !item.intake().isEmpty()) {
                        item.intake().errors(s.language()).forEach(e -> errors.add(e.at(index)));
                        intakes.put(keyed.key(), item.intake());
                    }
                }
            } else if (item.prediction() != null) {
                rawPredictions.add(item.prediction());
                predictionIndexes.add(i);
            }
        }

        // Predictions may name a source of this import or one already stored.
        Map<String, SourceView> importedSources = new HashMap<>();
        for (NewSource s : newSources) {
            importedSources.put(
                    s.key(),
                    new SourceView(
                            s.key(),
                            s.title(),
                            s.speaker(),
                            s.date(),
                            s.url(),
                            s.language(),
                            s.description(),
                            null,
                            null,
                            0));
        }
        Map<String, Optional<SourceView>> lookedUp = new HashMap<>();
        List<NewPrediction> newPredictions = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int n = 0; n < rawPredictions.size(); n++) {
            int index = predictionIndexes.get(n);
            try {
                NewPrediction p = predictionValidation.validate(
                        rawPredictions.get(n),
                        key -> importedSources.containsKey(key)
                                ? Optional.of(importedSources.get(key))
                                : lookedUp.computeIfAbsent(key, sources::find));
                if (p.key() == null && seed) {
                    // Seeds load on every start: a key generated each time would create the prediction each time.
                    errors.add(new FieldError(index, "key", "required in a seed file, which is loaded on every start"));
                } else if (p.key() != null && !keys.add("prediction:" + p.key())) {
                    errors.add(
                            new FieldError(index, "key", "a prediction with this key appears earlier in the import"));
                }
                newPredictions.add(p);
                indexes.add(index);
            } catch (InvalidInput e) {
                e.errors().forEach(err -> errors.add(err.at(index)));
            }
        }
        if (!seed) {
            Set<String> retired = predictionKeys.retiredKeys(newPredictions.stream()
                    .map(NewPrediction::key)
                    .filter(java.util.Objects::nonNull)
                    .toList());
            for (int n = 0; n < newPredictions.size(); n++) {
                if (newPredictions.get(n).key() != null
                        && retired.contains(newPredictions.get(n).key())) {
                    errors.add(
                            new FieldError(indexes.get(n), "key", "belonged to a deleted prediction; choose another"));
                }
            }
            for (int n : predictions.unexplainedAmendments(newPredictions)) {
                errors.add(new FieldError(indexes.get(n), "amendment", PredictionVersions.UNEXPLAINED));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> a.index() - b.index());
            throw new InvalidImport(errors);
        }
        return new Checked(
                List.copyOf(newSources), Map.copyOf(revisions), Map.copyOf(intakes), List.copyOf(newPredictions));
    }

    private static NewSource withKey(NewSource s, String key) {
        return new NewSource(key, s.title(), s.speaker(), s.date(), s.url(), s.language(), s.description());
    }
}
