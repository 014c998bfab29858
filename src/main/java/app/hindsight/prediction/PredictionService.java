package app.hindsight.prediction;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.hindsight.HindsightConfig;
import app.hindsight.json.JsonErrors;
import app.hindsight.json.MergePatch;
import app.hindsight.prediction.model.Command;
import app.hindsight.prediction.model.EventType;
import app.hindsight.prediction.model.HistoryEntry;
import app.hindsight.prediction.model.MetricChangeCheck;
import app.hindsight.prediction.model.NewPrediction;
import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.model.PredictionAmended;
import app.hindsight.prediction.model.PredictionTransitioned;
import app.hindsight.prediction.model.PredictionValidation;
import app.hindsight.prediction.model.PredictionView;
import app.hindsight.prediction.model.Scale;
import app.hindsight.prediction.store.PredictionHistory;
import app.hindsight.prediction.store.PredictionKeys;
import app.hindsight.prediction.store.PredictionQueries;
import app.hindsight.prediction.store.PredictionVersions;
import app.hindsight.shared.ConcurrentChange;
import app.hindsight.shared.Conflict;
import app.hindsight.shared.ExpectedVersion;
import app.hindsight.shared.FieldError;
import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.Keys;
import app.hindsight.shared.NotFound;
import app.hindsight.shared.Validation;

/**
 * The commands of the ledger: create, edit, delete, and the transitions of the status machine, each through one
 * pipeline ({@link #execute}). Reads are {@link PredictionQueries}', imports {@link PredictionUpserts}'.
 */
@ApplicationScoped
public class PredictionService {

    /** Fields a client sees but cannot patch, with where to go instead. */
    private static final Map<String, String> READ_ONLY = Map.of(
            "status", "use the resolution, deferral and withdrawal endpoints",
            "resolution", "use POST /resolution",
            "dueAt", "computed from target.date",
            "nextReviewOn", "computed from target and reviewEvery; use a deferral to move it",
            "version", "sent as the ETag",
            "createdAt", "set by the server",
            "updatedAt", "set by the server");

    @Inject
    Clock clock;

    @Inject
    HindsightConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Validation validation;

    @Inject
    PredictionValidation predictionValidation;

    @Inject
    PredictionKeys keys;

    @Inject
    PredictionHistory history;

    @Inject
    Event<PredictionTransitioned> transitions;

    @Inject
    MetricChangeCheck metricChanges;

    @Inject
    PredictionVersions versions;

    @Inject
    Event<PredictionAmended> amendments;

    /**
     * Creates a prediction. Without a key it gets the first free one of its statement's base, as imports do; a
     * concurrent create that takes that key first makes this one try the next (see
     * {@link PredictionKeys#writeGeneratingKeys}).
     */
    public PredictionView create(NewPrediction in, String actor) {
        return create(in, actor, null, null, created -> {});
    }

    /**
     * As {@link #create(NewPrediction, String)}, with a note and details on the CREATED event saying where the
     * prediction came from, and {@code alongside} run in the same transaction once it is stored: what it throws
     * undoes the create (an intake candidate is marked accepted this way, or not at all).
     */
    public PredictionView create(
            NewPrediction in, String actor, String note, Object details, Consumer<PredictionView> alongside) {
        return keys.writeGeneratingKeys(in != null && in.key() == null, () -> {
            PredictionView created = createOnce(in, actor, note, details);
            alongside.accept(created);
            return created;
        });
    }

    private PredictionView createOnce(NewPrediction in, String actor, String note, Object details) {
        NewPrediction complete = predictionValidation.validate(in);
        if (complete.key() != null && keys.used(complete.key())) {
            throw new Conflict("duplicate-key", "the key '" + complete.key() + "' is already used by a prediction");
        }
        // A generated key taken since freeKeys looked fails the insert on the unique key, and the create runs again.
        String key = complete.key() != null
                ? complete.key()
                : keys.freeKeys(List.of(Keys.fromStatement(complete.statement())), Set.of())
                        .get(0);
        Prediction p = Prediction.created(complete.withKey(key), now(), config.zone(), today());
        p.persist();
        history.append(p.key, EventType.CREATED, p.createdAt, actor, note, null, details);
        return flushed(p, null);
    }

    /**
     * Edits by RFC 7386 merge patch: applied to the stored fields, read back strictly like a create body, and
     * validated like one. The version must be the expected one.
     */
    @Transactional
    public PredictionView edit(
            String key, ExpectedVersion expected, JsonNode patch, String actor, String amendmentHeader) {
        Prediction p = find(key);
        expected.check(p.version);
        NewPrediction patched = predictionValidation.validate(merge(p.toInput(), patch));
        if (patched.amendment() == null && amendmentHeader != null) {
            patched = patched.withAmendment(amendmentHeader); // the body's field wins over the header
        }
        if (!key.equals(patched.key())) {
            throw InvalidInput.of("key", "is immutable");
        }
        update(p, patched, actor, null, now(), today());
        return flushed(p, expected);
    }

    private NewPrediction merge(NewPrediction current, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw InvalidInput.of("body", "must be a JSON merge patch object");
        }
        List<FieldError> readOnly = new ArrayList<>();
        patch.fieldNames().forEachRemaining(field -> {
            if (READ_ONLY.containsKey(field)) {
                readOnly.add(new FieldError(field, "cannot be patched: " + READ_ONLY.get(field)));
            }
        });
        if (!readOnly.isEmpty()) {
            throw new InvalidInput(readOnly);
        }
        try {
            return json.treeToValue(MergePatch.apply(json.valueToTree(current), patch), NewPrediction.class);
        } catch (JsonProcessingException e) {
            throw JsonErrors.describe(e);
        }
    }

    /** Deletes; the history stays readable, ends with DELETED, and keeps the key from being used again. */
    @Transactional
    public void delete(String key, ExpectedVersion expected, String actor) {
        Prediction p = find(key);
        if (expected != null) {
            expected.check(p.version);
        }
        p.delete();
        Instant now = now();
        transitions.fire(new PredictionTransitioned(p.key, EventType.DELETED, p.status, p.version, actor, now));
        history.append(key, EventType.DELETED, now, actor, null, null, null);
    }

    /**
     * The command pipeline: validates the command, finds the prediction, checks the version when one is expected,
     * applies the transition, fires {@link PredictionTransitioned} (the review queue follows it), appends the
     * typed history entry, and flushes, so that a writer that won meanwhile shows up here.
     */
    @Transactional
    public PredictionView execute(String key, ExpectedVersion expected, String actor, Command command) {
        command.validate(validation);
        Prediction p = find(key);
        if (expected != null) {
            expected.check(p.version);
        }
        Instant now = now();
        HistoryEntry entry = command.applyTo(p, now, config.zone(), actor);
        transitions.fire(new PredictionTransitioned(p.key, entry.type(), p.status, p.version, actor, now));
        history.append(p.key, entry.type(), now, actor, entry.note(), null, entry.details());
        p.updatedAt = now;
        return flushed(p, expected);
    }

    // --- for imports: in the caller's transaction ---------------------------------------------------

    Prediction insert(NewPrediction in, String actor, String note, Instant now, LocalDate today) {
        Prediction p = Prediction.created(in, now, config.zone(), today);
        p.persist();
        history.append(p.key, EventType.CREATED, now, actor, note, null, null);
        return p;
    }

    /**
     * Stores {@code in}; when a field changed, an UPDATED event records each, old and new. When an amendable field
     * changes on a prediction on the record ({@link #amends}), the event is AMENDED, its note the reason
     * ({@code in.amendment()}, a 400 naming {@code amendment} without one, before anything is changed), and a
     * {@link PredictionAmended} is fired.
     */
    void update(Prediction p, NewPrediction in, String actor, String note, Instant now, LocalDate today) {
        checkMetric(p, in);
        boolean amendment = amends(p, in);
        if (amendment && in.amendment() == null) {
            throw InvalidInput.of("amendment", PredictionVersions.UNEXPLAINED);
        }
        JsonNode before = json.valueToTree(p.toInput());
        p.apply(in, config.zone(), today);
        ObjectNode changes = PredictionHistory.changes(before, json.valueToTree(p.toInput()));
        if (changes.isEmpty()) {
            return;
        }
        p.updatedAt = now;
        EventType type = amendment ? EventType.AMENDED : EventType.UPDATED;
        long event = history.append(p.key, type, now, actor, amendment ? in.amendment() : note, null, changes);
        if (amendment) {
            ObjectNode amended = changes.deepCopy().retain(NewPrediction.AMENDABLE);
            amendments.fire(
                    new PredictionAmended(p.key, p.statement, p.speaker, event, in.amendment(), amended, actor, now));
        }
    }

    /** Whether storing {@code in} is an amendment: it changes an amendable field, and the prediction is on record. */
    boolean amends(Prediction p, NewPrediction in) {
        return in.amends(p.toInput()) && versions.onRecord(p);
    }

    /**
     * A 409 when {@code in} makes the metric LOG while observations recorded of it are not above 0 (or beyond the
     * bounds): the trajectory could not be worked out from them. Other changes leave the observations valid: the
     * bounds are the same on either scale.
     */
    void checkMetric(Prediction p, NewPrediction in) {
        boolean toLog = in.metric() != null
                && in.metric().scale() == Scale.LOG
                && (p.metric == null || p.metric.scale() != Scale.LOG);
        if (toLog && p.id != null) {
            metricChanges.check(p.id, p.key, in.metric());
        }
    }

    private Prediction find(String key) {
        Prediction p = Prediction.<Prediction>find("key", key).firstResult();
        if (p == null) {
            throw new NotFound("prediction", key);
        }
        return p;
    }

    /**
     * Flushes so the returned version is the new one, and a writer that committed between this request's read
     * and its write shows up here: a stale version when the writer expected one, else a conflict.
     */
    private PredictionView flushed(Prediction p, ExpectedVersion expected) {
        try {
            Prediction.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentChange(expected != null);
        }
        return p.toView();
    }

    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), config.zone());
    }
}
