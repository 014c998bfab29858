package app.hindsight.prediction.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.model.PredictionWritten;
import app.hindsight.prediction.model.SpeakerNames;

/**
 * Every speaker's name, kept in memory, so that a part of a name ({@link SpeakerNames}) is resolved to the names it
 * matches without reading the predictions: the speaker filter then reads the (speaker_lower, id) index of each.
 * <p>
 * Read from the database (one row per speaker, from the track record index) when first needed and again once it is a
 * minute old, so that a speaker whose last prediction went away, or one another replica wrote, is seen within a
 * minute; a name this process writes is added at once.
 */
@ApplicationScoped
public class SpeakerDirectory {

    private static final long MAX_AGE_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** Lower-cased name to the name as written; null until read. */
    private volatile Map<String, String> names;

    private volatile long readAt;

    /** The names (as written) that the query matches, alphabetically. */
    @Transactional
    public List<String> matching(String query) {
        return SpeakerNames.matching(names().values(), query);
    }

    /** The names nearest the query, for a suggestion when it matches none. */
    @Transactional
    public List<String> nearest(String query) {
        return SpeakerNames.nearest(names().values(), query);
    }

    /** The lower-cased names the query matches: what the speaker_lower column holds. */
    Set<String> matchingLower(String query) {
        Set<String> lower = new java.util.TreeSet<>();
        for (String name : matching(query)) {
            lower.add(SpeakerNames.lower(name));
        }
        return lower;
    }

    void written(@Observes PredictionWritten event) {
        added(List.of(event.speaker()));
    }

    /** Names just written: known from now on, without waiting for the next read. */
    void added(Collection<String> speakers) {
        Map<String, String> current = names;
        if (current == null) {
            return;
        }
        for (String speaker : speakers) {
            if (speaker != null) {
                current.putIfAbsent(SpeakerNames.lower(speaker), speaker);
            }
        }
    }

    private Map<String, String> names() {
        Map<String, String> current = names;
        if (current == null || System.nanoTime() - readAt > MAX_AGE_NANOS) {
            current = read();
            names = current;
            readAt = System.nanoTime();
        }
        return current;
    }

    /** In the caller's transaction. */
    private static Map<String, String> read() {
        Map<String, String> read = new ConcurrentHashMap<>();
        for (Object[] row : Prediction.getEntityManager()
                .createQuery(
                        "select p.speakerLower, min(p.speaker) from Prediction p group by p.speakerLower",
                        Object[].class)
                .getResultList()) {
            read.put((String) row[0], (String) row[1]);
        }
        return read;
    }
}
