package app.hindsight.prediction;

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
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Creating, editing and moving predictions through their status machine, with the history of it. */
@ApplicationScoped
public class PredictionService {

    /** How often a write that generates keys is tried when concurrent writers keep taking them. */
    private static final int KEY_ATTEMPTS = 10;

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
    PredictionScan scan;

    @Inject
    jakarta.enterprise.event.Event<PredictionTransitioned> transitions;

    /**
     * Creates a prediction. Without a key it gets the first free one of its statement's base, as imports do; a
     * concurrent create that takes that key first makes this one try the next (see {@link #writeGeneratingKeys}).
     */
    public PredictionView create(NewPrediction in, String actor) {
        return writeGeneratingKeys(in != null && in.key() == null, () -> createOnce(in, actor));
    }

    private PredictionView createOnce(NewPrediction in, String actor) {
        NewPrediction complete = validate(in);
        if (complete.key() != null && keyUsed(complete.key())) {
            throw ApiException.conflict("duplicate-key", "the key '" + complete.key() + "' is already used by a prediction");
        }
        // A generated key taken since freeKeys looked fails the insert on the unique key, and the create runs again.
        String key = complete.key() != null ? complete.key()
                : freeKeys(List.of(Keys.fromStatement(complete.statement())), Set.of()).get(0);
        Prediction p = insert(complete.withKey(key), actor, null, now(), today());
        return flushed(p, null);
    }

    private Prediction insert(NewPrediction in, String actor, String note, Instant now, LocalDate today) {
        Prediction p = new Prediction();
        p.key = in.key();
        p.status = Status.OPEN;
        p.createdAt = p.updatedAt = now;
        p.apply(in, config.zone(), today);
        p.persist();
        record(p.key, EventType.CREATED, actor, note, null, null);
        return p;
    }

    /**
     * Runs a write in a transaction of its own. A write that generated keys can lose one to a concurrent writer
     * that took it between the look-up and the insert: the unique key on prediction.slug refuses the insert, and
     * the write runs again, finding the next free key. A write that named its keys is not repeated: its 409 stands.
     */
    public <T> T writeGeneratingKeys(boolean generatesKeys, java.util.function.Supplier<T> write) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(write::get);
            } catch (RuntimeException e) {
                if (!generatesKeys || attempt == KEY_ATTEMPTS || !lostAKey(e)) {
                    throw e;
                }
                Log.debugf("A generated key was taken concurrently; attempt %d of %d", attempt + 1, KEY_ATTEMPTS);
            }
        }
    }

    private static boolean lostAKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException unique) {
                String name = unique.getConstraintName();
                return name == null || name.toLowerCase(java.util.Locale.ROOT).contains("uk_prediction_slug");
            }
        }
        return false;
    }

    /**
     * One free key for each base, in order: the base itself when no prediction has or had it (a deleted one's
     * history keeps its key), else the lowest free of base-2, base-3, ...; never one of {@code taken} (the keys
     * an import names). Candidates are looked up a window at a time, so many items on one base cost a few queries.
     */
    List<String> freeKeys(List<String> bases, Set<String> taken) {
        Map<String, Integer> needed = new java.util.LinkedHashMap<>();
        bases.forEach(base -> needed.merge(base, 1, Integer::sum));
        Map<String, java.util.ArrayDeque<String>> found = new java.util.HashMap<>();
        Map<String, Integer> nextSuffix = new java.util.HashMap<>(); // 1 stands for the base itself
        while (!needed.isEmpty()) {
            Map<String, String> candidates = new java.util.LinkedHashMap<>(); // candidate key -> its base
            needed.forEach((base, count) -> {
                int from = nextSuffix.getOrDefault(base, 1);
                int to = from + count + 8;
                for (int n = from; n < to; n++) {
                    candidates.put(n == 1 ? base : base + "-" + n, base);
                }
                nextSuffix.put(base, to);
            });
            Set<String> used = usedKeys(candidates.keySet());
            candidates.forEach((key, base) -> {
                Integer count = needed.get(base);
                if (count != null && !used.contains(key) && !taken.contains(key)) {
                    found.computeIfAbsent(base, b -> new java.util.ArrayDeque<>()).add(key);
                    if (count == 1) {
                        needed.remove(base);
                    } else {
                        needed.put(base, count - 1);
                    }
                }
            });
        }
        return bases.stream().map(base -> found.get(base).poll()).toList();
    }

    /** The keys among these that a prediction has, or had before it was deleted. */
    private Set<String> usedKeys(Collection<String> keys) {
        Set<String> used = new java.util.HashSet<>();
        var em = Prediction.getEntityManager();
        for (List<String> chunk : chunks(keys)) {
            used.addAll(em.createQuery("select p.key from Prediction p where p.key in :keys", String.class)
                    .setParameter("keys", chunk).getResultList());
            used.addAll(em.createQuery("select distinct e.predictionKey from PredictionEvent e where e.predictionKey in :keys",
                    String.class).setParameter("keys", chunk).getResultList());
        }
        return used;
    }

    /**
     * Bulk upsert by key for imports and seeds, in the caller's transaction. Items are valid. An item that names
     * its key is created when absent, updated when different, left alone when equal. An item without a key is
     * always created, under the first free key of its statement's base ({@link #freeKeys}), like a create: a
     * generated key identifies nothing, so upserting by it would overwrite an unrelated prediction. With
     * {@code createOnly} (seeds) nothing that exists or existed is touched: a user's edit, resolution, withdrawal
     * or deletion wins. Keys of deleted predictions must have been refused by the caller otherwise (see
     * {@link #retiredKeys}).
     */
    public List<Upsert> upsertAll(List<NewPrediction> items, String actor, String note, boolean createOnly,
            boolean dryRun) {
        List<String> keys = items.stream().map(NewPrediction::key).filter(java.util.Objects::nonNull).toList();
        Map<String, Prediction> existing = new java.util.HashMap<>();
        for (List<String> chunk : chunks(keys)) {
            Prediction.<Prediction> list("key in ?1", chunk).forEach(p -> existing.put(p.key, p));
        }
        Set<String> retired = createOnly ? retiredKeys(keys) : Set.of();
        java.util.Iterator<String> generated = freeKeys(items.stream().filter(in -> in.key() == null)
                .map(in -> Keys.fromStatement(in.statement())).toList(), Set.copyOf(keys)).iterator();
        List<Upsert> outcomes = new ArrayList<>(items.size());
        Instant now = now();
        LocalDate today = today();
        for (NewPrediction in : items) {
            Prediction p = in.key() == null ? null : existing.get(in.key());
            if (p == null && in.key() != null && retired.contains(in.key())) {
                outcomes.add(Upsert.UNCHANGED);
            } else if (p == null) {
                if (!dryRun) {
                    insert(in.key() == null ? in.withKey(generated.next()) : in, actor, note, now, today);
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
    public PredictionView patch(String key, String ifMatch, byte[] body, String actor) {
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

    /**
     * A page of the filter's matches after the cursor. A page that would examine more predictions than the scan
     * budget allows is refused ({@link ScanBudgetExceeded}); one that is full when the budget runs out gets a
     * cursor past everything examined, so the next page does not read it again.
     */
    @Transactional
    public Page<PredictionView> list(PredictionFilter filter, String cursor, int limit) {
        PredictionScan.Slice slice = scan.scan(filter, Cursor.decode(cursor), limit + 1);
        List<Prediction> rows = slice.matches();
        if (rows.size() < limit && !slice.complete()) {
            throw new ScanBudgetExceeded(config.list().scanBudget());
        }
        List<Prediction> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = null;
        if (rows.size() > limit) {
            next = Cursor.after(page.get(page.size() - 1).id);
        } else if (!slice.complete()) {
            next = Cursor.after(slice.resumeAfter());
        }
        return new Page<>(page.stream().map(Prediction::toView).toList(), next);
    }

    /** One batch of an export: matches, the id to resume after, and whether it is the last batch. */
    public record Batch(List<PredictionView> items, long resumeAfter, boolean last) {
    }

    /**
     * The next batch of an export or the calendar, in its own transaction: at most {@code size} matches after
     * {@code afterId}, fewer (even none) when the scan budget ran out first; the next batch resumes after
     * everything examined, so an export of any filter reads each prediction once.
     */
    @Transactional
    public Batch batch(PredictionFilter filter, long afterId, int size) {
        PredictionScan.Slice slice = scan.scan(filter, afterId, size);
        return new Batch(slice.matches().stream().map(Prediction::toView).toList(), slice.resumeAfter(),
                slice.complete());
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

    /**
     * RFC 7386 merge patch, read by the same strict parser as every other body (duplicate fields, trailing
     * documents, invalid UTF-8 and the nesting and number limits are all 400s), applied to the stored fields, and
     * read back strictly like a create body.
     */
    private NewPrediction merge(NewPrediction current, byte[] body) {
        JsonNode patch;
        try {
            patch = body == null ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw app.hindsight.web.ProblemMapper.Json.describe(e);
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("body", "unreadable");
        }
        if (patch == null || !patch.isObject()) {
            throw ApiException.badRequest("body", "must be a JSON merge patch object");
        }
        List<FieldError> readOnly = new ArrayList<>();
        patch.fieldNames().forEachRemaining(field -> {
            if (READ_ONLY.containsKey(field)) {
                readOnly.add(new FieldError(field, "cannot be patched: " + READ_ONLY.get(field)));
            }
        });
        if (!readOnly.isEmpty()) {
            throw ApiException.invalid(readOnly);
        }
        try {
            return json.treeToValue(mergePatch(json.valueToTree(current), patch), NewPrediction.class);
        } catch (JsonProcessingException e) {
            throw app.hindsight.web.ProblemMapper.Json.describe(e);
        }
    }

    /** RFC 7386: an object merges member by member, null removes a member, any other value replaces. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode merged = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        patch.fields().forEachRemaining(member -> {
            if (member.getValue().isNull()) {
                merged.remove(member.getKey());
            } else {
                merged.set(member.getKey(), mergePatch(merged.get(member.getKey()), member.getValue()));
            }
        });
        return merged;
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
