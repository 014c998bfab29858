package app.hindsight.prediction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.hindsight.domain.NotFound;

/** A prediction's append-only history: appending to it, reading it, and what an edit changed. */
@ApplicationScoped
public class PredictionHistory {

    @Inject
    ObjectMapper json;

    /** Appends an event in the caller's transaction; {@code details} is written as JSON (a record, a node, null). */
    public void append(
            String key, EventType type, Instant at, String actor, String note, String reason, Object details) {
        PredictionEvent e = PredictionEvent.of(key, type, at, actor, note);
        e.reason = reason;
        e.details = details == null ? null : json.valueToTree(details).toString();
        e.persist();
    }

    /** Every event of the prediction that has or had this key, oldest first. */
    @Transactional
    public List<EventView> of(String key) {
        List<PredictionEvent> events = PredictionEvent.list("predictionKey = ?1 order by id", key);
        if (events.isEmpty()) {
            throw new NotFound("prediction", key);
        }
        return events.stream().map(this::view).toList();
    }

    /**
     * The events of the predictions that have or had these keys, each key's oldest first, in the caller's
     * transaction; a key with no history is absent.
     */
    public Map<String, List<EventView>> of(Collection<String> keys) {
        Map<String, List<EventView>> byKey = new HashMap<>();
        for (List<String> chunk : PredictionKeys.chunks(keys)) {
            for (PredictionEvent e : PredictionEvent.<PredictionEvent>list("predictionKey in ?1 order by id", chunk)) {
                byKey.computeIfAbsent(e.predictionKey, k -> new ArrayList<>()).add(view(e));
            }
        }
        return byKey;
    }

    private EventView view(PredictionEvent e) {
        try {
            return new EventView(
                    e.id, e.type, e.at, e.actor, e.note, e.reason, e.details == null ? null : json.readTree(e.details));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("unreadable event details " + e.id, ex);
        }
    }

    /** UPDATED's details: each field that differs between two states, {old, new}, in field order; empty if none. */
    static ObjectNode changes(JsonNode before, JsonNode after) {
        ObjectNode changes = JsonNodeFactory.instance.objectNode();
        Set<String> fields = new TreeSet<>();
        before.fieldNames().forEachRemaining(fields::add);
        after.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            JsonNode old = before.path(field);
            JsonNode now = after.path(field);
            if (!old.equals(now)) {
                ObjectNode change = changes.putObject(field);
                change.set("old", old.isMissingNode() ? null : old);
                change.set("new", now.isMissingNode() ? null : now);
            }
        }
        return changes;
    }
}
