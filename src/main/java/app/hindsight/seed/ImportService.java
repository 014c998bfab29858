package app.hindsight.seed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.hindsight.domain.FieldError;
import app.hindsight.domain.InvalidInput;
import app.hindsight.domain.Keys;
import app.hindsight.domain.Upsert;
import app.hindsight.domain.Validation;
import app.hindsight.json.JsonErrors;
import app.hindsight.json.NdjsonLines;
import app.hindsight.prediction.NewPrediction;
import app.hindsight.prediction.PlannerStatistics;
import app.hindsight.prediction.Prediction;
import app.hindsight.prediction.PredictionKeys;
import app.hindsight.prediction.PredictionUpserts;
import app.hindsight.prediction.PredictionValidation;
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
    ObjectMapper json;

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

    /** The strict mapper's reader of a prediction, made once. */
    private ObjectReader predictionReader;

    @PostConstruct
    void readers() {
        predictionReader = json.readerFor(NewPrediction.class);
    }

    /**
     * The items of a JSON array, or of NDJSON (one document a line, blank lines ignored), each read into its record
     * (see {@link Item}). The bytes go to the strict parser as they came, so invalid UTF-8 is refused like any other
     * malformed JSON, not replaced by U+FFFD. NDJSON is read from the stream a line at a time: what stays in memory
     * is the records, never the whole body nor a tree of every item.
     */
    public List<Item> parse(InputStream body, boolean ndjson) {
        return ndjson ? parseLines(body) : parseArray(body);
    }

    /** As {@link #parse(InputStream, boolean)}, from bytes (a seed file). */
    public List<Item> parse(byte[] body, boolean ndjson) {
        return parse(new ByteArrayInputStream(body == null ? new byte[0] : body), ndjson);
    }

    private List<Item> parseLines(InputStream body) {
        List<Item> items = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        try {
            // A line feed byte never occurs inside a UTF-8 sequence, so the bytes split into lines as the text would.
            NdjsonLines.read(body, (bytes, offset, length, line) -> {
                if (blank(bytes, offset, offset + length)) {
                    return;
                }
                try {
                    items.add(readLine(bytes, offset, length));
                } catch (IOException e) {
                    errors.add(new FieldError(
                            items.size(), "body", "line " + line + " is not valid JSON" + JsonErrors.why(e)));
                    items.add(null);
                }
            });
        } catch (IOException e) {
            throw InvalidInput.of("body", "unreadable");
        }
        if (items.isEmpty()) {
            throw InvalidInput.of("body", "must hold one JSON object a line");
        }
        if (!errors.isEmpty()) {
            throw invalidItems(errors);
        }
        return items;
    }

    /**
     * One line's item. A prediction without a "type" field (the common line) is read straight into its record; any
     * other line, and any line that this fails on, goes through a tree as every item did before, so that each error
     * is worded as it always was: a syntax error as one (the IOException), anything else against the item.
     */
    private Item readLine(byte[] bytes, int offset, int length) throws IOException {
        if (!contains(bytes, offset, offset + length, TYPE_FIELD)) {
            try {
                NewPrediction prediction = predictionReader.readValue(bytes, offset, length);
                if (prediction != null) {
                    return Item.of(prediction);
                }
            } catch (IOException e) {
                // read again below
            }
        }
        return item(json.readTree(bytes, offset, length));
    }

    private List<Item> parseArray(InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readAllBytes();
        } catch (IOException e) {
            throw InvalidInput.of("body", "unreadable");
        }
        if (blank(bytes, 0, bytes.length)) {
            throw InvalidInput.of("body", "must be a JSON array");
        }
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw JsonErrors.describe(e);
        } catch (IOException e) {
            throw InvalidInput.of("body", "unreadable");
        }
        if (!root.isArray()) {
            throw InvalidInput.of("body", "must be a JSON array of sources and predictions");
        }
        List<Item> items = new ArrayList<>(root.size());
        root.forEach(node -> items.add(item(node)));
        return items;
    }

    private static final byte[] TYPE_FIELD = "\"type\"".getBytes(StandardCharsets.US_ASCII);

    private static boolean contains(byte[] bytes, int from, int to, byte[] part) {
        outer:
        for (int i = from; i <= to - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean blank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /**
     * One item of an import or a seed file, read but not yet checked: a source (with its revision, null when that is
     * not a valid one), a prediction, or neither; {@code errors} says what was wrong in reading it (without the
     * item's index, which is its place in the list).
     */
    public record Item(
            NewSource source, Integer revision, SeedIntake intake, NewPrediction prediction, List<FieldError> errors) {

        static Item of(NewPrediction prediction) {
            return new Item(null, null, null, prediction, List.of());
        }

        boolean generatesKey() {
            return prediction != null && prediction.key() == null;
        }
    }

    /** An item from its JSON tree: the tree is the parser's, made for this item alone, and is taken apart here. */
    private Item item(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new Item(null, null, null, null, List.of(new FieldError("body", "each item must be a JSON object")));
        }
        ObjectNode item = (ObjectNode) node;
        JsonNode type = item.remove("type");
        String kind = type == null ? "prediction" : type.asText();
        List<FieldError> errors = new ArrayList<>();
        try {
            if (kind.equals("source")) {
                Integer revision = revision(item.remove("revision"));
                if (revision == null) {
                    errors.add(new FieldError("revision", "must be an integer of at least 1"));
                }
                SeedIntake intake =
                        SeedIntake.read(item.remove("transcript"), item.remove("triage"), json, validation, errors);
                return new Item(json.treeToValue(item, NewSource.class), revision, intake, null, errors);
            } else if (kind.equals("prediction")) {
                return Item.of(json.treeToValue(item, NewPrediction.class));
            } else {
                errors.add(new FieldError("type", "must be source or prediction"));
            }
        } catch (JsonProcessingException e) {
            errors.addAll(JsonErrors.describe(e).errors());
        }
        return new Item(null, null, null, null, errors);
    }

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
        }
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> a.index() - b.index());
            throw invalidItems(errors);
        }
        return new Checked(
                List.copyOf(newSources), Map.copyOf(revisions), Map.copyOf(intakes), List.copyOf(newPredictions));
    }

    /** A source's revision: 1 when absent or null, else an integer of at least 1; null when it is not one. */
    private static Integer revision(JsonNode revision) {
        if (revision == null || revision.isNull()) {
            return 1;
        }
        if (!revision.isIntegralNumber() || !revision.canConvertToInt() || revision.intValue() < 1) {
            return null;
        }
        return revision.intValue();
    }

    private static InvalidImport invalidItems(List<FieldError> errors) {
        return new InvalidImport(errors);
    }

    private static NewSource withKey(NewSource s, String key) {
        return new NewSource(key, s.title(), s.speaker(), s.date(), s.url(), s.language(), s.description());
    }
}
