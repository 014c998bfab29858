package app.hindsight.prediction.store;

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

import app.hindsight.prediction.model.EventType;
import app.hindsight.prediction.model.EventView;
import app.hindsight.prediction.model.PredictionEvent;
import app.hindsight.shared.NotFound;
import app.hindsight.shared.Paged;
import app.hindsight.shared.Tail;

/** A prediction's append-only history: appending to it, reading it, and what an edit changed. */
@ApplicationScoped
public class PredictionHistory {

    @Inject
    ObjectMapper json;

    /**
     * Appends an event in the caller's transaction; {@code details} is written as JSON (a record, a node, null).
     * Returns its id.
     */
    public long append(
            String key, EventType type, Instant at, String actor, String note, String reason, Object details) {
        PredictionEvent e = PredictionEvent.of(key, type, at, actor, note);
        e.reason = reason;
        e.details = details == null ? null : json.valueToTree(details).toString();
        e.persist();
        return e.id;
    }

    /**
     * The events after {@code afterId} (0 for the first page) of the prediction that has or had this key, oldest
     * first, {@code limit} at most; 404 when no prediction ever had the key.
     */
    @Transactional
    public Paged<EventView> of(String key, long afterId, int limit) {
        List<PredictionEvent> events = PredictionEvent.<PredictionEvent>find(
                        "predictionKey = ?1 and id > ?2 order by id", key, afterId)
                .range(0, limit)
                .list();
        if (events.isEmpty()
                && (afterId == 0 || PredictionEvent.find("predictionKey", key).firstResult() == null)) {
            throw new NotFound("prediction", key);
        }
        return Paged.of(events, limit, e -> e.id).map(this::view);
    }

    /** The newest {@code size} events, oldest first, and whether there are earlier ones; 404 as {@link #of}. */
    @Transactional
    public Tail<EventView> latest(String key, int size) {
        List<PredictionEvent> newestFirst = PredictionEvent.<PredictionEvent>find(
                        "predictionKey = ?1 order by id desc", key)
                .range(0, size)
                .list();
        if (newestFirst.isEmpty()) {
            throw new NotFound("prediction", key);
        }
        return Tail.of(newestFirst, size).map(this::view);
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

    /** The newest event of this type of the prediction that has or had this key, or null. */
    @Transactional
    public EventView latest(String key, EventType type) {
        PredictionEvent e = PredictionEvent.<PredictionEvent>find(
                        "predictionKey = ?1 and type = ?2 order by id desc", key, type)
                .firstResult();
        return e == null ? null : view(e);
    }

    /** The events of these types of the prediction that has or had this key, oldest first, in the caller's transaction. */
    public List<EventView> of(String key, Collection<EventType> types) {
        return PredictionEvent.<PredictionEvent>list("predictionKey = ?1 and type in ?2 order by id", key, types)
                .stream()
                .map(this::view)
                .toList();
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
    public static ObjectNode changes(JsonNode before, JsonNode after) {
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
