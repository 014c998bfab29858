package app.hindsight.prediction;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.hindsight.HindsightConfig;
import app.hindsight.source.SourceService;
import app.hindsight.source.SourceView;
import app.hindsight.web.ApiException;
import app.hindsight.web.Cursor;
import app.hindsight.web.ETags;
import app.hindsight.web.Page;
import app.hindsight.web.Problem.FieldError;
import app.hindsight.web.Validation;

/** Creating, editing and moving predictions through their status machine, with the history of it. */
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
    SourceService sources;

    @Inject
    jakarta.enterprise.event.Event<PredictionTransitioned> transitions;

    @Transactional
    public PredictionView create(NewPrediction in, String actor) {
        NewPrediction complete = validate(in);
        String key = complete.key() != null ? complete.key() : freeKey(Keys.fromStatement(complete.statement()));
        if (keyUsed(key)) {
            throw ApiException.conflict("duplicate-key", "the key '" + key + "' is already used by a prediction");
        }
        Prediction p = new Prediction();
        p.key = key;
        p.status = Status.OPEN;
        p.createdAt = p.updatedAt = now();
        p.apply(complete, config.zone(), today());
        p.persist();
        record(p.key, EventType.CREATED, actor, null, null, null);
        return flushed(p, null);
    }

    /**
     * Bulk upsert by key for imports and seeds, in the caller's transaction. Items are valid and keyed.
     * Absent ones are created, different ones updated, equal ones left alone. With {@code createOnly} (seeds)
     * nothing that exists or existed is touched: a user's edit, resolution, withdrawal or deletion wins.
     * Keys of deleted predictions must have been refused by the caller otherwise (see {@link #retiredKeys}).
     */
    public List<Upsert> upsertAll(List<NewPrediction> items, String actor, String note, boolean createOnly,
            boolean dryRun) {
        List<String> keys = items.stream().map(NewPrediction::key).toList();
        Map<String, Prediction> existing = new java.util.HashMap<>();
        for (List<String> chunk : chunks(keys)) {
            Prediction.<Prediction> list("key in ?1", chunk).forEach(p -> existing.put(p.key, p));
        }
        Set<String> retired = createOnly ? retiredKeys(keys) : Set.of();
        List<Upsert> outcomes = new ArrayList<>(items.size());
        Instant now = now();
        LocalDate today = today();
        for (NewPrediction in : items) {
            Prediction p = existing.get(in.key());
            if (p == null && retired.contains(in.key())) {
                outcomes.add(Upsert.UNCHANGED);
            } else if (p == null) {
                if (!dryRun) {
                    p = new Prediction();
                    p.key = in.key();
                    p.status = Status.OPEN;
                    p.createdAt = p.updatedAt = now;
                    p.apply(in, config.zone(), today);
                    p.persist();
                    record(p.key, EventType.CREATED, actor, note, null, null);
                }
                outcomes.add(Upsert.CREATED);
            } else if (createOnly || p.holds(in)) {
                outcomes.add(Upsert.UNCHANGED);
            } else {
                if (!dryRun) {
                    update(p, in, actor, note);
                }
                outcomes.add(Upsert.UPDATED);
            }
        }
        return outcomes;
    }

    /** The keys among these that belonged to a deleted prediction: history exists, the prediction does not. */
    public Set<String> retiredKeys(Collection<String> keys) {
        Set<String> retired = new java.util.HashSet<>();
        for (List<String> chunk : chunks(keys)) {
            retired.addAll(PredictionEvent.getEntityManager().createQuery(
                    "select distinct e.predictionKey from PredictionEvent e where e.predictionKey in :keys "
                            + "and not exists (select 1 from Prediction p where p.key = e.predictionKey)",
                    String.class).setParameter("keys", chunk).getResultList());
        }
        return retired;
    }

    private static List<List<String>> chunks(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return chunks;
    }

    public enum Upsert {
        CREATED, UPDATED, UNCHANGED
    }

    @Transactional
    public PredictionView get(String key) {
        // The hot read: one query with the topics, and no snapshot kept for dirty checking.
        return Prediction.getEntityManager()
                .createQuery("select p from Prediction p left join fetch p.topics where p.key = :key", Prediction.class)
                .setParameter("key", key)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true)
                .getResultStream().findFirst()
                .orElseThrow(() -> ApiException.notFound("prediction", key))
                .toView();
    }

    @Transactional
    public PredictionView patch(String key, String ifMatch, String body, String actor) {
        Prediction p = find(key);
        ETags.require(ifMatch, p.version);
        NewPrediction patched = validate(merge(p.toInput(), body));
        if (!key.equals(patched.key())) {
            throw ApiException.badRequest("key", "is immutable");
        }
        update(p, patched, actor, null);
        return flushed(p, ifMatch);
    }

    @Transactional
    public void delete(String key, String ifMatch, String actor) {
        Prediction p = find(key);
        ETags.check(ifMatch, p.version);
        p.delete();
        transitioned(p, EventType.DELETED, actor);
        record(key, EventType.DELETED, actor, null, null, null);
    }

    @Transactional
    public PredictionView resolve(String key, String ifMatch, Resolution r, String actor) {
        validation.require(r);
        Prediction p = find(key);
        ETags.check(ifMatch, p.version);
        if (r.resolvedOn() != null && r.resolvedOn().isAfter(today())) {
            throw ApiException.badRequest("resolvedOn", "must not be in the future");
        }
        p.resolve(r, today(), actor);
        transitioned(p, EventType.RESOLVED, actor);
        record(key, EventType.RESOLVED, actor, r.note(), null, json.valueToTree(Map.of(
                "outcome", p.outcome, "resolvedOn", p.resolvedOn, "evidence", p.resolutionEvidence)));
        return touched(p, ifMatch);
    }

    @Transactional
    public PredictionView reopen(String key, String ifMatch, String note, String actor) {
        Prediction p = find(key);
        ETags.check(ifMatch, p.version);
        p.reopen(now(), today());
        transitioned(p, EventType.REOPENED, actor);
        record(key, EventType.REOPENED, actor, note, null, json.valueToTree(Map.of("status", p.status)));
        return touched(p, ifMatch);
    }

    @Transactional
    public PredictionView defer(String key, String ifMatch, Deferral d, String actor) {
        validation.require(d);
        Prediction p = find(key);
        ETags.check(ifMatch, p.version);
        if (!d.until().isAfter(today())) {
            throw ApiException.badRequest("until", "must be after today (" + today() + ")");
        }
        p.defer(d.until());
        transitioned(p, EventType.DEFERRED, actor);
        record(key, EventType.DEFERRED, actor, d.note(), null, json.valueToTree(Map.of("until", d.until())));
        return touched(p, ifMatch);
    }

    @Transactional
    public PredictionView withdraw(String key, String ifMatch, Withdrawal w, String actor) {
        if (w != null) {
            validation.require(w);
        }
        Prediction p = find(key);
        ETags.check(ifMatch, p.version);
        p.withdraw();
        transitioned(p, EventType.WITHDRAWN, actor);
        record(key, EventType.WITHDRAWN, actor, w == null ? null : w.note(), null, null);
        return touched(p, ifMatch);
    }

    @Transactional
    public PredictionView restore(String key, String ifMatch, String note, String actor) {
        Prediction p = find(key);
        ETags.check(ifMatch, p.version);
        p.restore(now(), today());
        transitioned(p, EventType.RESTORED, actor);
        record(key, EventType.RESTORED, actor, note, null, json.valueToTree(Map.of("status", p.status)));
        return touched(p, ifMatch);
    }

    @Transactional
    public List<EventView> history(String key) {
        List<PredictionEvent> events = PredictionEvent.list("predictionKey = ?1 order by id", key);
        if (events.isEmpty()) {
            throw ApiException.notFound("prediction", key);
        }
        return events.stream().map(this::view).toList();
    }

    @Transactional
    public Page<PredictionView> list(PredictionFilter filter, String cursor, int limit) {
        List<Prediction> rows = matches(filter, Cursor.decode(cursor), limit + 1);
        boolean more = rows.size() > limit;
        List<Prediction> page = more ? rows.subList(0, limit) : rows;
        return new Page<>(page.stream().map(Prediction::toView).toList(),
                more ? Cursor.after(page.get(page.size() - 1).id) : null);
    }

    /** One batch of an export: the matches after {@code afterId}, with their ids for the next batch. */
    @Transactional
    public List<Map.Entry<Long, PredictionView>> batch(PredictionFilter filter, long afterId, int size) {
        return matches(filter, afterId, size).stream()
                .map(p -> Map.entry(p.id, p.toView()))
                .toList();
    }

    /**
     * The first {@code count} matches after {@code afterId}, in id order. Keyset paging that stays fast at a
     * million rows: candidate ids come in id order from the index that narrows most (the topic's, else each
     * status's, else the primary key), a chunk at a time; the candidates are read by primary key and the other
     * filters applied to them in memory. One query with every filter has H2 sort every match first, or scan
     * another index, which grows with the table instead of with the page.
     */
    private List<Prediction> matches(PredictionFilter filter, long afterId, int count) {
        List<Prediction> page = new ArrayList<>();
        int chunk = Math.max(64, count + count / 2);
        long cursor = afterId;
        while (page.size() < count) {
            List<Long> candidates = candidates(filter, cursor, chunk);
            if (candidates.isEmpty()) {
                break;
            }
            for (Prediction p : Prediction.getEntityManager()
                    .createQuery("select p from Prediction p where p.id in :ids order by p.id", Prediction.class)
                    .setParameter("ids", candidates)
                    .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).getResultList()) {
                if (page.size() < count && filter.test(p)) {
                    page.add(p);
                }
            }
            if (candidates.size() < chunk) {
                break;
            }
            cursor = candidates.get(candidates.size() - 1);
        }
        return page;
    }

    /** Up to {@code n} ids after {@code after}, in order, that may match: see {@link #matches}. */
    private List<Long> candidates(PredictionFilter filter, long after, int n) {
        var em = Prediction.getEntityManager();
        if (filter.topicTag() != null) {
            @SuppressWarnings("unchecked")
            // Ordered by the whole index (topic, prediction_id): ordered by prediction_id alone, H2 does not see
            // that the index is already in that order, and reads and sorts every row of the topic.
            List<Number> rows = em.createNativeQuery("select prediction_id from prediction_topic "
                    + "where topic = ?1 and prediction_id > ?2 order by topic, prediction_id")
                    .setParameter(1, filter.topicTag()).setParameter(2, after).setMaxResults(n).getResultList();
            return rows.stream().map(Number::longValue).toList();
        }
        if (!filter.statuses().isEmpty()) {
            // One ordered range per status, merged: a list of statuses in one query makes H2 sort all matches.
            java.util.TreeSet<Long> merged = new java.util.TreeSet<>();
            for (Status status : java.util.EnumSet.copyOf(filter.statuses())) {
                // Ordered by the whole (status, id) index, for the same reason.
                merged.addAll(em.createQuery("select id from Prediction where status = :status and id > :after "
                        + "order by status, id", Long.class).setParameter("status", status).setParameter("after", after)
                        .setMaxResults(n).getResultList());
            }
            return merged.stream().limit(n).toList();
        }
        return em.createQuery("select id from Prediction where id > :after order by id", Long.class)
                .setParameter("after", after).setMaxResults(n).getResultList();
    }

    // --- for the scheduler: in the caller's transaction ---------------------------------------------

    /** Ids of OPEN predictions whose review date has come, after {@code afterId}, in id order. */
    public List<Long> dueIds(LocalDate today, long afterId, int limit) {
        return Prediction.getEntityManager().createQuery("select p.id from Prediction p where p.status = :open "
                + "and p.nextReviewOn <= :today and p.id > :after order by p.id", Long.class)
                .setParameter("open", Status.OPEN).setParameter("today", today).setParameter("after", afterId)
                .setMaxResults(limit).getResultList();
    }

    /**
     * Flags these predictions DUE, each with a FLAGGED_DUE event, if they still are OPEN and due (another
     * scanner may have been first). Returns the ones flagged here.
     */
    public List<DuePrediction> flag(List<Long> ids, LocalDate today) {
        List<DuePrediction> flagged = new ArrayList<>();
        for (Prediction p : Prediction.<Prediction> list("id in ?1 order by id", ids)) {
            if (p.status != Status.OPEN || p.nextReviewOn == null || p.nextReviewOn.isAfter(today)) {
                continue;
            }
            FlagReason reason = p.dueReason();
            p.flagDue();
            p.updatedAt = now();
            record(p.key, EventType.FLAGGED_DUE, app.hindsight.web.Actor.SCHEDULER,
                    reason == FlagReason.TARGET_REACHED ? "target date reached" : "periodic review due",
                    reason.name(), null);
            flagged.add(due(p, reason));
        }
        return flagged;
    }

    /** OPEN predictions whose dueAt lies in (from, until], after {@code afterId}, in id order. */
    public List<DuePrediction> dueBetween(Instant from, Instant until, long afterId, int limit) {
        return Prediction.<Prediction> find("status = ?1 and dueAt > ?2 and dueAt <= ?3 and id > ?4 order by id",
                Status.OPEN, from, until, afterId).range(0, limit - 1).list().stream()
                .map(p -> due(p, null)).toList();
    }

    /** An event the scheduler records: REMINDED or ESCALATED. */
    public void recordByScheduler(String key, EventType type, String note, JsonNode details) {
        record(key, type, app.hindsight.web.Actor.SCHEDULER, note, null, details);
    }

    private void transitioned(Prediction p, EventType type, String actor) {
        transitions.fire(new PredictionTransitioned(p.key, type, p.status, p.version, actor, now()));
    }

    private static DuePrediction due(Prediction p, FlagReason reason) {
        return new DuePrediction(p.id, p.key, p.version, p.statement, p.speaker, p.targetDate, p.dueAt,
                p.nextReviewOn, reason);
    }

    // --- helpers ------------------------------------------------------------------------------

    /** Bean Validation, defaults from the source, then the cross-field rules; every error at once. */
    public NewPrediction validate(NewPrediction in) {
        return validate(in, sources::find);
    }

    /** As {@link #validate(NewPrediction)}, with sources looked up by the caller (an import knows its own). */
    public NewPrediction validate(NewPrediction in, Function<String, Optional<SourceView>> sourceLookup) {
        List<FieldError> errors = new ArrayList<>(validation.errors(in));
        if (in == null) {
            throw ApiException.invalid(errors);
        }
        NewPrediction complete = in;
        if (in.source() != null && errors.stream().noneMatch(e -> e.field().equals("source"))) {
            SourceView source = sourceLookup.apply(in.source()).orElse(null);
            if (source == null) {
                errors.add(new FieldError("source", "no source with key '" + in.source() + "'"));
            } else {
                complete = withSourceDefaults(in, source);
            }
        }
        if (errors.isEmpty()) {
            errors.addAll(PredictionRules.check(complete));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return complete;
    }

    private static NewPrediction withSourceDefaults(NewPrediction in, SourceView source) {
        return new NewPrediction(in.key(), in.statement(), in.kind(),
                in.speaker() != null ? in.speaker() : source.speaker(), in.source(),
                in.madeOn() != null ? in.madeOn() : source.date(), in.quote(), in.topics(), in.target(),
                in.reviewEvery(), in.resolutionCriteria(), in.metric());
    }

    /** RFC 7386 merge patch, applied with JSON-P, then read back strictly like a create body. */
    private NewPrediction merge(NewPrediction current, String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("body", "must be a JSON merge patch object");
        }
        JsonValue patch = Json.createReader(new StringReader(body)).readValue();
        if (patch.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.badRequest("body", "must be a JSON merge patch object");
        }
        List<FieldError> readOnly = new ArrayList<>();
        for (String field : patch.asJsonObject().keySet()) {
            if (READ_ONLY.containsKey(field)) {
                readOnly.add(new FieldError(field, "cannot be patched: " + READ_ONLY.get(field)));
            }
        }
        if (!readOnly.isEmpty()) {
            throw ApiException.invalid(readOnly);
        }
        try {
            JsonValue target = Json.createReader(new StringReader(json.writeValueAsString(current))).readValue();
            JsonValue merged = Json.createMergePatch(patch).apply(target);
            return json.readValue(merged.toString(), NewPrediction.class);
        } catch (JsonProcessingException e) {
            throw app.hindsight.web.ProblemMapper.Json.describe(e);
        }
    }

    private void update(Prediction p, NewPrediction in, String actor, String note) {
        JsonNode before = json.valueToTree(p.toInput());
        p.apply(in, config.zone(), today());
        JsonNode after = json.valueToTree(p.toInput());
        ObjectNode changes = json.createObjectNode();
        Set<String> fields = new java.util.TreeSet<>();
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
        if (changes.isEmpty()) {
            return;
        }
        p.updatedAt = now();
        record(p.key, EventType.UPDATED, actor, note, null, changes);
    }

    Prediction find(String key) {
        Prediction p = Prediction.<Prediction> find("key", key).firstResult();
        if (p == null) {
            throw ApiException.notFound("prediction", key);
        }
        return p;
    }

    private boolean keyUsed(String key) {
        return Prediction.count("key", key) > 0 || PredictionEvent.count("predictionKey", key) > 0;
    }

    private String freeKey(String base) {
        String key = base;
        for (int n = 2; keyUsed(key); n++) {
            key = base + "-" + n;
        }
        return key;
    }

    private PredictionView touched(Prediction p, String ifMatch) {
        p.updatedAt = now();
        return flushed(p, ifMatch);
    }

    /**
     * Flushes so the returned version is the new one, and a writer that committed between this request's read
     * and its write shows up here: a stale precondition (412) when the client sent If-Match, else a conflict
     * (409), since a client that sent no ETag cannot be told its ETag is stale.
     */
    private PredictionView flushed(Prediction p, String ifMatch) {
        try {
            Prediction.flush();
        } catch (OptimisticLockException e) {
            throw ifMatch == null || ifMatch.isBlank() ? ApiException.concurrentChange()
                    : ApiException.changedWhileWriting();
        }
        return p.toView();
    }

    void record(String key, EventType type, String actor, String note, String reason, JsonNode details) {
        PredictionEvent e = PredictionEvent.of(key, type, now(), actor, note);
        e.reason = reason;
        e.details = details == null ? null : details.toString();
        e.persist();
    }

    private EventView view(PredictionEvent e) {
        try {
            return new EventView(e.id, e.type, e.at, e.actor, e.note, e.reason,
                    e.details == null ? null : json.readTree(e.details));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("unreadable event details " + e.id, ex);
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), config.zone());
    }

}
