package app.hindsight.seed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.hindsight.prediction.model.EventType;
import app.hindsight.prediction.model.EventView;
import app.hindsight.prediction.model.Status;
import app.hindsight.review.DueQueries;

/**
 * What a seed file's revision of a source does to each prediction, decided from what the file says and what the
 * database holds: plain code, no database, no Quarkus ({@link SeedRevisions} reads the state and carries the plan
 * out).
 *
 * <p>A prediction is <em>untouched</em> when the seeds created it and its history holds nothing but the seeds' own
 * events and the scheduler's (flagged due, reminded, escalated); anything else (an edit, an import, a resolution, a
 * deferral, a withdrawal, a restore, a deletion) is a person's, and the person wins. A newer revision:
 *
 * <ul>
 *   <li>creates what it brings that the database never held;
 *   <li>brings an untouched prediction up to date (and back from a withdrawal the seeds made);
 *   <li>leaves a touched one as it is, and reports it as a conflict when the revision changes it: when it differs
 *       from what the seeds had given it (the stored fields with every person's edit undone) and from what is
 *       stored. A person's edit of a prediction the revision does not change is no conflict; neither is a touched
 *       prediction that already says what the revision says;
 *   <li>reports a prediction a person deleted that the revision still holds;
 *   <li>withdraws an untouched prediction of the source that it no longer holds, and reports a touched one that is
 *       still tracked (open, due or resolved).
 * </ul>
 */
final class SeedPlanner {

    /** The actor of what the seeds do, in the history. */
    static final String SEED = "seed";

    /** The actor of what the scheduler does, and which of its events leave a prediction untouched. */
    static final String SCHEDULER = DueQueries.SCHEDULER;

    private static final Set<EventType> SCHEDULER_EVENTS =
            Set.of(EventType.FLAGGED_DUE, EventType.REMINDED, EventType.ESCALATED);

    private SeedPlanner() {}

    /** How a seed file's revision of a source compares with the one the database holds. */
    enum Step {
        /** Newer: applied. */
        NEWER,
        /** The one already applied: only what is absent is created, as seeding always did. */
        SAME,
        /** Older than the one applied (an older jar or folder): nothing is done. */
        OLDER;

        static Step of(int file, int held) {
            return file > held ? NEWER : file == held ? SAME : OLDER;
        }
    }

    /**
     * The revision a database holds: the one recorded, else 1 when the source is there (seeded before revisions were
     * recorded: a file without a revision is revision 1), else 0 (never seeded).
     */
    static int held(Integer recorded, boolean sourceExists) {
        if (recorded != null) {
            return recorded;
        }
        return sourceExists ? 1 : 0;
    }

    /**
     * A prediction the database has, or had: {@code content} (the fields a client sets, as JSON) and {@code status}
     * are null when it was deleted and only its history is left.
     */
    record Existing(String key, JsonNode content, Status status, List<EventView> history) {

        boolean deleted() {
            return content == null;
        }
    }

    /**
     * What to do. {@code restore} are withdrawn by the seeds and back in this revision (each is also in
     * {@code update} when its fields changed); {@code conflicts} are the keys left alone, each with why, sorted.
     */
    record Plan(
            List<String> create,
            List<String> update,
            List<String> restore,
            List<String> withdraw,
            SortedMap<String, String> conflicts,
            int unchanged) {

        boolean changesNothing() {
            return create.isEmpty() && update.isEmpty() && restore.isEmpty() && withdraw.isEmpty();
        }
    }

    /**
     * The plan of a newer revision of {@code source}.
     *
     * @param revision the revision's predictions of this source, by key, as JSON of the fields a client sets
     * @param elsewhere keys the same file gives to other sources (not dropped, though stored under this one)
     * @param existing what the database has or had under those keys, and every prediction it holds of this source
     */
    static Plan plan(
            String source, Map<String, JsonNode> revision, Set<String> elsewhere, Map<String, Existing> existing) {
        List<String> create = new ArrayList<>();
        List<String> update = new ArrayList<>();
        List<String> restore = new ArrayList<>();
        List<String> withdraw = new ArrayList<>();
        SortedMap<String, String> conflicts = new TreeMap<>();
        int unchanged = 0;

        for (Map.Entry<String, JsonNode> item : revision.entrySet()) {
            String key = item.getKey();
            JsonNode wanted = item.getValue();
            Existing e = existing.get(key);
            if (e == null) {
                create.add(key);
            } else if (e.deleted()) {
                conflicts.put(key, "in the revision, but " + byPerson(e.history()));
            } else if (untouched(e.history())) {
                boolean differs = !same(e.content(), wanted);
                if (e.status() == Status.WITHDRAWN) {
                    restore.add(key);
                }
                if (differs) {
                    update.add(key);
                }
                if (!differs && e.status() != Status.WITHDRAWN) {
                    unchanged++;
                }
            } else if (same(e.content(), wanted)) {
                unchanged++;
            } else if (seeded(e.history()) && same(asSeeded(e.content(), e.history()), wanted)) {
                unchanged++; // the revision does not change it; the person's version stands
            } else {
                conflicts.put(key, "changed by the revision, but " + byPerson(e.history()));
            }
        }

        for (Existing e : existing.values()) {
            if (revision.containsKey(e.key())
                    || elsewhere.contains(e.key())
                    || e.deleted()
                    || !source.equals(e.content().path("source").asText(null))
                    || !seeded(e.history())
                    || e.status() == Status.WITHDRAWN) {
                continue;
            }
            if (untouched(e.history())) {
                withdraw.add(e.key());
            } else {
                conflicts.put(e.key(), "dropped by the revision, but " + byPerson(e.history()));
            }
        }
        Collections.sort(withdraw);
        return new Plan(
                List.copyOf(create),
                List.copyOf(update),
                List.copyOf(restore),
                List.copyOf(withdraw),
                Collections.unmodifiableSortedMap(conflicts),
                unchanged);
    }

    /** Created by the seeds. */
    static boolean seeded(List<EventView> history) {
        return !history.isEmpty()
                && history.get(0).type() == EventType.CREATED
                && SEED.equals(history.get(0).actor());
    }

    /** Created by the seeds, and since then nothing but the seeds' and the scheduler's events. */
    static boolean untouched(List<EventView> history) {
        return seeded(history) && history.stream().noneMatch(SeedPlanner::byPerson);
    }

    private static boolean byPerson(EventView e) {
        return !SEED.equals(e.actor()) && !(SCHEDULER.equals(e.actor()) && SCHEDULER_EVENTS.contains(e.type()));
    }

    /** "resolved by alice": a person's last event. */
    private static String byPerson(List<EventView> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            EventView e = history.get(i);
            if (byPerson(e)) {
                String what = switch (e.type()) {
                    case UPDATED -> "edited";
                    case AMENDED -> "amended";
                    case CREATED -> "created";
                    default -> e.type().name().toLowerCase(java.util.Locale.ROOT);
                };
                return what + " by " + e.actor();
            }
        }
        return "changed by a person";
    }

    /**
     * What the seeds had given a prediction: its stored fields with each person's edit undone, newest first (an
     * UPDATED or AMENDED event's details hold each changed field's old and new value).
     */
    static JsonNode asSeeded(JsonNode content, List<EventView> history) {
        ObjectNode fields = content.deepCopy();
        for (int i = history.size() - 1; i >= 0; i--) {
            EventView e = history.get(i);
            boolean edit = e.type() == EventType.UPDATED || e.type() == EventType.AMENDED;
            if (!edit || !byPerson(e) || e.details() == null) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> changes = e.details().fields();
            while (changes.hasNext()) {
                Map.Entry<String, JsonNode> change = changes.next();
                fields.set(change.getKey(), change.getValue().get("old"));
            }
        }
        return fields;
    }

    /**
     * Whether two versions of a prediction's fields say the same, as Prediction#holds decides it: the statement
     * without surrounding blanks, topics as a set, a missing field as null.
     */
    static boolean same(JsonNode a, JsonNode b) {
        return comparable(a).equals(comparable(b));
    }

    private static ObjectNode comparable(JsonNode fields) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        fields.fields().forEachRemaining(f -> {
            if (!f.getValue().isNull()) {
                out.set(f.getKey(), f.getValue());
            }
        });
        if (out.hasNonNull("statement")) {
            out.put("statement", out.get("statement").asText().strip());
        }
        Set<String> topics = new TreeSet<>();
        out.path("topics").forEach(t -> topics.add(t.asText()));
        ArrayNode sorted = out.putArray("topics");
        topics.forEach(sorted::add);
        return out;
    }
}
