package app.hindsight.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.hindsight.prediction.model.EventType;
import app.hindsight.prediction.model.EventView;
import app.hindsight.prediction.model.Status;
import app.hindsight.security.TokenService;
import app.hindsight.seed.SeedPlanner.Existing;
import app.hindsight.seed.SeedPlanner.Plan;
import app.hindsight.seed.SeedPlanner.Step;

/** Which predictions a newer seed revision creates, updates, withdraws, restores or leaves alone: plain JUnit. */
class SeedPlannerTest {

    static final String SOURCE = "town-hall";
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, JsonNode> revision = new LinkedHashMap<>();
    private final Map<String, Existing> existing = new LinkedHashMap<>();
    private long ids;

    // --- which revision the database holds --------------------------------------------------------------------

    @Test
    void aDatabaseSeededBeforeRevisionsWereRecordedHoldsRevisionOne() {
        assertEquals(0, SeedPlanner.held(null, false));
        assertEquals(1, SeedPlanner.held(null, true));
        assertEquals(2, SeedPlanner.held(2, true));
    }

    @Test
    void onlyANewerRevisionIsApplied() {
        assertEquals(Step.NEWER, Step.of(2, 1));
        assertEquals(Step.NEWER, Step.of(1, 0));
        assertEquals(Step.SAME, Step.of(2, 2));
        assertEquals(Step.OLDER, Step.of(1, 2));
    }

    // --- predictions the revision holds -----------------------------------------------------------------------

    @Test
    void aPredictionTheDatabaseNeverHeldIsCreated() {
        revision.put("new-one", prediction("new-one", "New."));

        Plan plan = plan();

        assertEquals(List.of("new-one"), plan.create());
        assertTrue(plan.conflicts().isEmpty());
    }

    @Test
    void anUntouchedPredictionIsBroughtUpToDateEvenAfterTheSchedulersEvents() {
        revision.put("p", prediction("p", "Corrected."));
        stored(
                "p",
                "First edition.",
                Status.DUE,
                seeded(),
                scheduler(EventType.REMINDED),
                scheduler(EventType.FLAGGED_DUE),
                scheduler(EventType.ESCALATED));

        Plan plan = plan();

        assertEquals(List.of("p"), plan.update());
        assertTrue(plan.conflicts().isEmpty());
        assertEquals(0, plan.unchanged());
    }

    @Test
    void anUntouchedPredictionTheRevisionDoesNotChangeIsLeftWithoutAnEvent() {
        revision.put("p", prediction("p", "Same."));
        stored("p", " Same. ", Status.OPEN, seeded(), seed(EventType.UPDATED, null));

        Plan plan = plan();

        assertTrue(plan.changesNothing());
        assertEquals(1, plan.unchanged());
    }

    @Test
    void noTokenCanActUnderTheNamesThatLeaveAPredictionUntouched() {
        assertTrue(TokenService.RESERVED_NAMES.containsAll(List.of(SeedPlanner.SEED, SeedPlanner.SCHEDULER)));
    }

    @Test
    void anEditedPredictionTheRevisionChangesIsLeftAloneAndReported() {
        revision.put("p", prediction("p", "Corrected by the curators."));
        stored(
                "p",
                "Rewritten by Alice.",
                Status.OPEN,
                seeded(),
                edit("alice", "statement", "First.", "Rewritten by Alice."));

        Plan plan = plan();

        assertTrue(plan.changesNothing());
        assertEquals(Map.of("p", "changed by the revision, but edited by alice"), plan.conflicts());
    }

    @Test
    void anEditedPredictionTheRevisionDoesNotChangeKeepsTheEditWithoutAReport() {
        revision.put("p", prediction("p", "First."));
        stored(
                "p",
                "Rewritten by Alice.",
                Status.OPEN,
                seeded(),
                edit("alice", "statement", "First.", "Rewritten by Alice."));

        Plan plan = plan();

        assertTrue(plan.changesNothing());
        assertTrue(plan.conflicts().isEmpty(), plan.conflicts().toString());
        assertEquals(1, plan.unchanged());
    }

    @Test
    void aPersonWhoMadeTheSameCorrectionHasNoConflict() {
        revision.put("p", prediction("p", "Corrected."));
        stored("p", "Corrected.", Status.OPEN, seeded(), edit("alice", "statement", "First.", "Corrected."));

        Plan plan = plan();

        assertTrue(plan.changesNothing());
        assertTrue(plan.conflicts().isEmpty());
    }

    @Test
    void resolvedDeferredOrWithdrawnByAPersonIsLeftAloneWhenTheRevisionChangesIt() {
        for (EventType type : List.of(EventType.RESOLVED, EventType.DEFERRED, EventType.WITHDRAWN)) {
            String key = type.name().toLowerCase();
            revision.put(key, prediction(key, "Corrected."));
            stored(
                    key,
                    "First.",
                    type == EventType.WITHDRAWN ? Status.WITHDRAWN : Status.OPEN,
                    seeded(),
                    scheduler(EventType.FLAGGED_DUE),
                    event(type, "bob", null));
        }

        Plan plan = plan();

        assertTrue(plan.changesNothing());
        assertEquals(
                Map.of(
                        "resolved", "changed by the revision, but resolved by bob",
                        "deferred", "changed by the revision, but deferred by bob",
                        "withdrawn", "changed by the revision, but withdrawn by bob"),
                plan.conflicts());
    }

    @Test
    void aResolvedPredictionTheRevisionDoesNotChangeIsNoConflict() {
        revision.put("p", prediction("p", "First."));
        stored("p", "First.", Status.RESOLVED, seeded(), event(EventType.RESOLVED, "bob", null));

        Plan plan = plan();

        assertTrue(plan.changesNothing());
        assertTrue(plan.conflicts().isEmpty());
    }

    @Test
    void onlyTheSchedulersOwnEventsLeaveAPredictionUntouched() {
        // An actor named like the scheduler doing what only people do is a person (the names are reserved anyway).
        revision.put("p", prediction("p", "Corrected."));
        stored("p", "First.", Status.OPEN, seeded(), event(EventType.REOPENED, SeedPlanner.SCHEDULER, null));

        assertEquals(Set.of("p"), plan().conflicts().keySet());
    }

    @Test
    void aPredictionAPersonDeletedStaysDeletedAndIsReported() {
        revision.put("gone", prediction("gone", "Still in the seeds."));
        existing.put(
                "gone", new Existing("gone", null, null, List.of(seeded(), event(EventType.DELETED, "admin", null))));

        Plan plan = plan();

        assertTrue(plan.changesNothing());
        assertEquals(Map.of("gone", "in the revision, but deleted by admin"), plan.conflicts());
    }

    @Test
    void aPredictionAPersonCreatedUnderASeedKeyIsTheirs() {
        revision.put("p", prediction("p", "The seeds' version."));
        stored("p", "Alice's own.", Status.OPEN, event(EventType.CREATED, "alice", null));

        Plan plan = plan();

        assertTrue(plan.changesNothing());
        assertEquals(Map.of("p", "changed by the revision, but created by alice"), plan.conflicts());
    }

    @Test
    void aPredictionTheSeedsWithdrewAndTheRevisionBringsBackIsRestoredAndUpdated() {
        revision.put("back", prediction("back", "Back, corrected."));
        revision.put("back-same", prediction("back-same", "Back."));
        stored("back", "Dropped once.", Status.WITHDRAWN, seeded(), seed(EventType.WITHDRAWN, null));
        stored("back-same", "Back.", Status.WITHDRAWN, seeded(), seed(EventType.WITHDRAWN, null));

        Plan plan = plan();

        assertEquals(List.of("back", "back-same"), plan.restore());
        assertEquals(List.of("back"), plan.update());
    }

    // --- predictions the revision drops -----------------------------------------------------------------------

    @Test
    void anUntouchedPredictionTheRevisionDropsIsWithdrawn() {
        stored("dropped", "Not a prediction after all.", Status.DUE, seeded(), scheduler(EventType.FLAGGED_DUE));

        Plan plan = plan();

        assertEquals(List.of("dropped"), plan.withdraw());
        assertTrue(plan.conflicts().isEmpty());
    }

    @Test
    void aTouchedPredictionTheRevisionDropsIsReportedWhileItIsTracked() {
        stored("resolved", "R.", Status.RESOLVED, seeded(), event(EventType.RESOLVED, "bob", null));
        stored("edited", "E.", Status.OPEN, seeded(), edit("alice", "statement", "e", "E."));
        stored("withdrawn-by-a-person", "W.", Status.WITHDRAWN, seeded(), event(EventType.WITHDRAWN, "bob", null));
        stored("withdrawn-by-the-seeds", "S.", Status.WITHDRAWN, seeded(), seed(EventType.WITHDRAWN, null));

        Plan plan = plan();

        assertTrue(plan.changesNothing());
        assertEquals(
                Map.of(
                        "edited", "dropped by the revision, but edited by alice",
                        "resolved", "dropped by the revision, but resolved by bob"),
                plan.conflicts());
    }

    @Test
    void predictionsThatAreNotTheSourcesSeedsAreNeverDropped() {
        stored("alices-own", "Alice added this to the source.", Status.OPEN, event(EventType.CREATED, "alice", null));
        existing.put(
                "other-source",
                new Existing(
                        "other-source",
                        prediction("other-source", "Elsewhere.").put("source", "another"),
                        Status.OPEN,
                        List.of(seeded())));
        stored("moved", "Now under another source of the same file.", Status.OPEN, seeded());

        Plan plan = SeedPlanner.plan(SOURCE, revision, Set.of("moved"), existing);

        assertTrue(plan.changesNothing());
        assertTrue(plan.conflicts().isEmpty());
    }

    // --- what the seeds had given, and sameness -------------------------------------------------------------

    @Test
    void undoingEveryPersonsEditNewestFirstGivesWhatTheSeedsGave() {
        ObjectNode stored = prediction("p", "Bob's.");
        stored.putArray("topics").add("b");
        List<EventView> history = List.of(
                seeded(),
                seed(EventType.UPDATED, changes("statement", "Seeded.", "Seeds' correction.")),
                edit("alice", "statement", "Seeds' correction.", "Alice's."),
                event(
                        EventType.UPDATED,
                        "bob",
                        merge(
                                changes("statement", "Alice's.", "Bob's."),
                                changes("topics", topics("a"), topics("b")))));

        JsonNode seededFields = SeedPlanner.asSeeded(stored, history);

        assertEquals("Seeds' correction.", seededFields.get("statement").asText());
        assertEquals(topics("a"), seededFields.get("topics"));
    }

    @Test
    void topicsAreASetTheStatementIsTrimmedAndNullIsAbsent() {
        ObjectNode a = prediction("p", "Same.");
        a.set("topics", topics("x", "y", "x"));
        a.putNull("metric");
        ObjectNode b = prediction("p", "  Same.");
        b.set("topics", topics("y", "x"));
        b.remove("metric");

        assertTrue(SeedPlanner.same(a, b));
        b.put("kind", "CLAIM");
        assertFalse(SeedPlanner.same(a, b));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private Plan plan() {
        return SeedPlanner.plan(SOURCE, revision, Set.of(), existing);
    }

    private void stored(String key, String statement, Status status, EventView... history) {
        existing.put(key, new Existing(key, prediction(key, statement), status, List.of(history)));
    }

    static ObjectNode prediction(String key, String statement) {
        ObjectNode p = JSON.objectNode();
        p.put("key", key);
        p.put("statement", statement);
        p.put("kind", "FORECAST");
        p.put("source", SOURCE);
        p.set("topics", topics("ai"));
        p.putNull("metric");
        return p;
    }

    static JsonNode topics(String... topics) {
        var array = JSON.arrayNode();
        for (String t : topics) {
            array.add(t);
        }
        return array;
    }

    private EventView seeded() {
        return seed(EventType.CREATED, null);
    }

    private EventView seed(EventType type, JsonNode details) {
        return event(type, SeedPlanner.SEED, details);
    }

    private EventView scheduler(EventType type) {
        return event(type, SeedPlanner.SCHEDULER, null);
    }

    private EventView edit(String actor, String field, String old, String now) {
        return event(EventType.UPDATED, actor, changes(field, JSON.textNode(old), JSON.textNode(now)));
    }

    private EventView event(EventType type, String actor, JsonNode details) {
        return new EventView(
                ++ids, type, Instant.parse("2026-02-01T00:00:00Z").plusSeconds(ids), actor, null, null, details);
    }

    private static ObjectNode changes(String field, String old, String now) {
        return changes(field, JSON.textNode(old), JSON.textNode(now));
    }

    private static ObjectNode changes(String field, JsonNode old, JsonNode now) {
        ObjectNode changes = JSON.objectNode();
        ObjectNode change = changes.putObject(field);
        change.set("old", old);
        change.set("new", now);
        return changes;
    }

    private static ObjectNode merge(ObjectNode... parts) {
        ObjectNode all = JSON.objectNode();
        List<ObjectNode> list = new ArrayList<>(List.of(parts));
        list.forEach(all::setAll);
        return all;
    }
}
