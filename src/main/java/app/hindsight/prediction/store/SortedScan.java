package app.hindsight.prediction.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import app.hindsight.HindsightConfig;
import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.store.ScanDrivers.Chunk;

/**
 * The matches of a list filter in a {@link PredictionOrder}, after a position, within the same budget as
 * {@link PredictionScan}. Candidates come from the order's (date, id) index (V18) in its order, a chunk at a time,
 * first those with the date, then those without it by id; each chunk's rows are checked as the id-ordered scan checks
 * them. An unfiltered or dense filter fills a page after reading about a page; a sparse one reads until the page is
 * full or the budget is spent, and then says where it got to.
 */
@ApplicationScoped
class SortedScan {

    private static final int MIN_CHUNK = 64;

    private static final int MAX_CHUNK = 1000;

    @Inject
    HindsightConfig config;

    @Inject
    PredictionScan scan;

    /**
     * Where a sorted scan stands: after the prediction with this date and id (a null date: among those without
     * one).
     */
    record Position(Object key, long id) {}

    /** At most {@code count} matches in order, the position to resume after, and whether none can follow. */
    record Slice(List<Prediction> matches, Position resumeAfter, boolean complete) {}

    /** The first {@code count} matches after {@code after} (null: from the start), in the caller's transaction. */
    Slice scan(PredictionFilter filter, PredictionOrder order, Position after, int count) {
        ScanCheck check = scan.check(filter);
        if (check.speakers() != null && check.speakers().isEmpty()) {
            return new Slice(List.of(), after, true);
        }
        ScanAllowance allowance = new ScanAllowance(
                config.list().scanBudget(), config.list().timeout().toNanos(), System::nanoTime);
        EntityManager em = Prediction.getEntityManager();
        List<Prediction> matches = new ArrayList<>();
        Position position = after;
        int chunk = Math.max(MIN_CHUNK, count + count / 2);
        while (true) {
            int n = Math.min(Math.min(chunk, MAX_CHUNK), Math.max(1, allowance.rowsLeft()));
            List<Object[]> candidates = candidates(em, order, position, n, allowance);
            allowance.spend(candidates.size());
            List<Long> ids = candidates.stream().map(row -> (Long) row[0]).toList();
            Map<Long, Prediction> found = new HashMap<>();
            for (Prediction p :
                    PredictionScan.load(em, check, Chunk.of(0, ids, n), false, null, Integer.MAX_VALUE, allowance)) {
                found.put(p.id, p);
            }
            for (Object[] row : candidates) {
                Prediction p = found.get((Long) row[0]);
                position = new Position(row[1], (Long) row[0]);
                if (p != null) {
                    matches.add(p);
                    if (matches.size() == count) {
                        return new Slice(matches, position, false);
                    }
                }
            }
            if (candidates.size() < n) {
                if (position == null || position.key() != null) {
                    // The dated ones are done: those without the date follow, by id.
                    position = new Position(null, order.descending() ? Long.MAX_VALUE : 0);
                    continue;
                }
                return new Slice(matches, position, true);
            }
            if (allowance.rowsLeft() <= 0) {
                return new Slice(matches, position, false);
            }
            chunk *= 4;
        }
    }

    /** Up to n (id, date) rows after the position, in the order; once past the dated ones, those without a date. */
    private static List<Object[]> candidates(
            EntityManager em, PredictionOrder order, Position after, int n, ScanAllowance allowance) {
        String k = "p." + order.key().attribute;
        String dir = order.descending() ? " desc" : "";
        String beyond = order.descending() ? "<" : ">";
        String jpql;
        if (after != null && after.key() == null) {
            jpql = "select p.id, " + k + " from Prediction p where " + k + " is null and p.id " + beyond
                    + " :id order by p.id" + dir;
        } else {
            jpql = "select p.id, " + k + " from Prediction p where " + k + " is not null"
                    + (after == null
                            ? ""
                            : " and (" + k + " " + beyond + " :k or (" + k + " = :k and p.id " + beyond + " :id))")
                    + " order by " + k + dir + ", p.id" + dir;
        }
        TypedQuery<Object[]> query = allowance.bound(em.createQuery(jpql, Object[].class));
        if (after != null) {
            query.setParameter("id", after.id());
            if (after.key() != null) {
                query.setParameter("k", after.key());
            }
        }
        return query.setMaxResults(n).getResultList();
    }
}
