package app.hindsight.seed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.hindsight.json.JsonErrors;
import app.hindsight.json.NdjsonLines;
import app.hindsight.prediction.model.NewPrediction;
import app.hindsight.shared.FieldError;
import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.Validation;
import app.hindsight.source.NewSource;

/**
 * Reads the body of an import or a seed file into items, strictly: a JSON array, or NDJSON a line at a time. Nothing
 * is checked against the database here; {@link ImportService} does that.
 */
@ApplicationScoped
public class ImportReader {

    @Inject
    ObjectMapper json;

    @Inject
    Validation validation;

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
            throw new InvalidImport(errors);
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
}
