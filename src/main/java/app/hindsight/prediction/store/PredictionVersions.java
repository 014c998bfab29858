package app.hindsight.prediction.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.hindsight.prediction.model.EventType;
import app.hindsight.prediction.model.EventView;
import app.hindsight.prediction.model.NewPrediction;
import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.model.PredictionVersion;
import app.hindsight.shared.NotFound;
import app.hindsight.shared.Paged;

/**
 * The versions of a prediction's amendable fields ({@link NewPrediction#AMENDABLE}), and whether a change to them is
 * an amendment. Nothing of this is stored apart: the history holds it. The newest version is the stored prediction;
 * each earlier one is found by undoing, newest first, the {old, new} pairs of the UPDATED and AMENDED events that
 * changed one of those fields; the first dates from CREATED.
 */
@ApplicationScoped
public class PredictionVersions {

    /** The seed's actor; its UPDATED or AMENDED event is a seed revision applied to the prediction. */
    static final String SEED = "seed";

    /** Why an amendment without a reason is refused (a 400 naming amendment; an import names the item too). */
    public static final String UNEXPLAINED = "required: this changes statement, resolutionCriteria, target or metric "
            + "of a prediction that has forecasts, reviews or a seed revision; say why (the amendment field or the "
            + "Hindsight-Amendment header)";

    @Inject
    ObjectMapper json;

    @Inject
    PredictionHistory history;

    /**
     * Whether the prediction is on the record, so a change to its amendable fields is an amendment: it has a
     * forecast, a review (open or closed), or a seed revision changed it. One query over three indexed look-ups.
     */
    public boolean onRecord(Prediction p) {
        if (p.id == null) {
            return false;
        }
        Object found = Prediction.getEntityManager()
                .createNativeQuery("select case when exists (select 1 from forecast where prediction_id = :id) "
                        + "or exists (select 1 from review where prediction_key = :key) "
                        + "or exists (select 1 from prediction_event where prediction_key = :key and actor = :seed "
                        + "and type in ('UPDATED', 'AMENDED')) then 1 else 0 end")
                .setParameter("id", p.id)
                .setParameter("key", p.key)
                .setParameter("seed", SEED)
                .getSingleResult();
        return ((Number) found).intValue() == 1;
    }

    /** The versions, oldest first, {@code limit} after the first {@code offset}; 404 when there is no such prediction. */
    @Transactional
    public Paged<PredictionVersion> of(String key, long offset, int limit) {
        Prediction p = Prediction.<Prediction>find("key", key).firstResult();
        if (p == null) {
            throw new NotFound("prediction", key);
        }
        List<EventView> events = history.of(List.of(key)).getOrDefault(key, List.of());
        return Paged.ofRanked(versions(fields(json.valueToTree(p.toInput())), events), offset, limit);
    }

    /**
     * The moments a new version began after the first (the events that changed an amendable field), oldest first: a
     * forecast made before the n-th of them was made on version n, or earlier.
     */
    public List<Instant> changes(String key) {
        return changes(history.of(key, List.of(EventType.UPDATED, EventType.AMENDED))).stream()
                .map(EventView::at)
                .toList();
    }

    /** The version a forecast made at {@code at} was made on, given {@link #changes}: 1 for the first. */
    public static int versionAt(List<Instant> changes, Instant at) {
        int version = 1;
        for (Instant change : changes) {
            if (!change.isAfter(at)) {
                version++;
            }
        }
        return version;
    }

    static List<PredictionVersion> versions(ObjectNode current, List<EventView> events) {
        List<EventView> changes = changes(events);
        Instant createdAt = events.isEmpty() ? null : events.get(0).at();
        List<PredictionVersion> newestFirst = new ArrayList<>();
        ObjectNode values = current;
        Instant to = null;
        for (int i = changes.size() - 1; i >= -1; i--) {
            EventView made = i >= 0 ? changes.get(i) : events.isEmpty() ? null : events.get(0);
            Instant from = i >= 0 ? made.at() : createdAt;
            newestFirst.add(new PredictionVersion(
                    i + 2,
                    from,
                    to,
                    made == null ? null : made.id(),
                    made == null ? null : made.type(),
                    made == null ? null : made.actor(),
                    made != null && made.type() == EventType.AMENDED ? made.note() : null,
                    text(values, "statement"),
                    text(values, "resolutionCriteria"),
                    values.get("target"),
                    values.get("metric")));
            if (i >= 0) {
                values = undo(values, made.details());
                to = made.at();
            }
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static List<EventView> changes(List<EventView> events) {
        return events.stream()
                .filter(e -> (e.type() == EventType.UPDATED || e.type() == EventType.AMENDED) && e.details() != null)
                .filter(e -> NewPrediction.AMENDABLE.stream().anyMatch(e.details()::has))
                .toList();
    }

    private static ObjectNode fields(JsonNode input) {
        ObjectNode out = ((ObjectNode) input).objectNode();
        NewPrediction.AMENDABLE.forEach(f -> out.set(f, input.path(f).isMissingNode() ? null : input.get(f)));
        return out;
    }

    private static ObjectNode undo(ObjectNode values, JsonNode changes) {
        ObjectNode before = values.deepCopy();
        NewPrediction.AMENDABLE.forEach(f -> {
            if (changes.has(f)) {
                before.set(f, changes.get(f).get("old"));
            }
        });
        return before;
    }

    private static String text(ObjectNode values, String field) {
        JsonNode v = values.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
