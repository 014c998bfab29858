package app.hindsight.prediction.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hibernate.jpa.SpecHints;

import app.hindsight.HindsightConfig;
import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.model.PredictionView;
import app.hindsight.prediction.model.Status;
import app.hindsight.time.Dates;

/**
 * The DUE predictions in the order a reviewer takes them: by the day each came due (its next review date, which a
 * DUE prediction keeps until a reviewer acts), then by key. Paged by keyset through the index (status,
 * next_review_on, slug), so a page costs the same on the first page and the six hundredth.
 */
@ApplicationScoped
public class DueList {

    /** One DUE prediction, as the desk lists it. */
    public record Entry(String key, String statement, LocalDate on) {

        public Mark mark() {
            return new Mark(on, key);
        }
    }

    /** A place in the order: the day and the key of an entry. */
    public record Mark(LocalDate on, String key) {}

    /** Entries of a page, ascending, and whether more lie beyond them in the direction read. */
    public record Slice(List<Entry> entries, boolean more) {}

    @Inject
    HindsightConfig config;

    /**
     * Up to {@code limit} entries after {@code after} (from the first without), or, with {@code before}, the
     * {@code limit} just before it; either way in ascending order.
     */
    @Transactional
    public Slice page(Mark after, Mark before, int limit) {
        boolean backwards = before != null;
        Mark mark = backwards ? before : after;
        String op = backwards ? "<" : ">";
        List<Entry> entries = new ArrayList<>();
        // Two ranges of the index rather than one condition with an OR, which a database reads from the start of the
        // mark's day: the rest of that day past the key, then the days past it.
        if (mark != null) {
            entries.addAll(read("p.nextReviewOn = :on and p.key " + op + " :key", mark, backwards, limit + 1));
        }
        if (entries.size() <= limit) {
            // From the first page too a range of the day: with none, H2 reads the (status, id) index and sorts.
            Mark from = mark != null ? mark : new Mark(Dates.MIN, "");
            String condition = "p.nextReviewOn " + (mark != null ? op : ">=") + " :on";
            entries.addAll(read(condition, from, backwards, limit + 1 - entries.size()));
        }
        boolean more = entries.size() > limit;
        if (more) {
            entries.remove(entries.size() - 1);
        }
        if (backwards) {
            Collections.reverse(entries);
        }
        return new Slice(entries, more);
    }

    private List<Entry> read(String condition, Mark mark, boolean backwards, int max) {
        String dir = backwards ? " desc" : "";
        // Ordered as the index is (status first), so the database reads it in order and stops when it has enough.
        String jpql = "select p.key, p.statement, p.nextReviewOn from Prediction p where p.status = :status and "
                + condition + " order by p.status" + dir + ", p.nextReviewOn" + dir + ", p.key" + dir;
        TypedQuery<Object[]> query = Prediction.getEntityManager()
                .createQuery(jpql, Object[].class)
                .setHint(SpecHints.HINT_SPEC_QUERY_TIMEOUT, (int)
                        config.list().timeout().toMillis())
                .setParameter("status", Status.DUE)
                .setMaxResults(max);
        query.setParameter("on", mark.on());
        if (condition.contains(":key")) {
            query.setParameter("key", mark.key());
        }
        List<Entry> entries = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            entries.add(new Entry((String) row[0], (String) row[1], (LocalDate) row[2]));
        }
        return entries;
    }

    /** OPEN predictions whose dueAt falls in [from, until): the soonest {@code limit}, and whether there are more. */
    public record Upcoming(List<PredictionView> predictions, boolean more) {}

    /** The OPEN predictions coming due soonest in [from, until), read in dueAt order from (status, due_at). */
    @Transactional
    public Upcoming comingDue(Instant from, Instant until, int limit) {
        int timeoutMillis = (int) config.list().timeout().toMillis();
        List<Long> ids = Prediction.getEntityManager()
                .createQuery(
                        "select p.id from Prediction p where p.status = :status and p.dueAt >= :from "
                                + "and p.dueAt < :until order by p.status, p.dueAt, p.id",
                        Long.class)
                .setHint(SpecHints.HINT_SPEC_QUERY_TIMEOUT, timeoutMillis)
                .setParameter("status", Status.OPEN)
                .setParameter("from", from)
                .setParameter("until", until)
                .setMaxResults(limit + 1)
                .getResultList();
        boolean more = ids.size() > limit;
        List<Long> shown = more ? ids.subList(0, limit) : ids;
        if (shown.isEmpty()) {
            return new Upcoming(List.of(), false);
        }
        List<Prediction> rows = Prediction.getEntityManager()
                .unwrap(Session.class)
                .doReturningWork(c -> PredictionRow.readByIds(c, shown, (timeoutMillis + 999) / 1000));
        return new Upcoming(rows.stream().map(Prediction::toView).toList(), more);
    }
}
