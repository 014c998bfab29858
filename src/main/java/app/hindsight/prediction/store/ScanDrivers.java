package app.hindsight.prediction.store;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.hibernate.jpa.SpecHints;

/**
 * Where {@link PredictionScan} takes its candidate ids from, in id order, a chunk at a time: one filter's index, a
 * small range of the dueAt index, ids found beforehand, or the primary key. Apart from the scan so that each driver's
 * query can be read on its own.
 */
final class ScanDrivers {

    /** The most ids sent in one {@code in} list. */
    private static final int MAX_IN_CHUNK = 1000;
    /** The most rows checked in one window of the primary key. */
    private static final int MAX_WINDOW = 16384;
    /** A dueBefore/dueAfter range drives the scan when it holds at most this many predictions. */
    static final int RANGE_DRIVER_MAX = 4096;

    private ScanDrivers() {}

    /**
     * Candidate ids after {@code from}, in id order: {@code ids} when listed, else every id in (from, upTo].
     * {@code examined} is how many candidates it holds (at most), {@code last} that none follow it.
     */
    record Chunk(long from, long upTo, List<Long> ids, int examined, boolean last) {

        static Chunk of(long from, List<Long> ids, int asked) {
            return new Chunk(from, ids.isEmpty() ? from : ids.get(ids.size() - 1), ids, ids.size(), ids.size() < asked);
        }

        boolean isEmpty() {
            return ids != null ? ids.isEmpty() : upTo <= from;
        }
    }

    interface Driver {
        /** Up to {@code n} candidates after {@code after}. */
        Chunk next(EntityManager em, long after, int n, ScanAllowance allowance);

        default int maxChunk() {
            return MAX_IN_CHUNK;
        }
    }

    /** One equality filter's (value, id) index, read in its own order. */
    record IndexIds(String jpql, Object value) implements Driver {
        @Override
        public Chunk next(EntityManager em, long after, int n, ScanAllowance allowance) {
            return Chunk.of(
                    after,
                    allowance
                            .bound(em.createQuery(jpql, Long.class))
                            .setParameter("v", value)
                            .setParameter("after", after)
                            .setMaxResults(n)
                            .getResultList(),
                    n);
        }
    }

    /**
     * Each value's (value, id) range of one column's index, merged (statuses, the speakers a part of a name matches):
     * a list of values in one query makes H2 sort every match.
     */
    record EachValueIds(String attribute, List<?> values) implements Driver {
        @Override
        public Chunk next(EntityManager em, long after, int n, ScanAllowance allowance) {
            TreeSet<Long> merged = new TreeSet<>();
            for (Object value : values) {
                merged.addAll(allowance
                        .bound(em.createQuery(
                                "select id from Prediction where " + attribute + " = :v and id > :after order by "
                                        + attribute + ", id",
                                Long.class))
                        .setParameter("v", value)
                        .setParameter("after", after)
                        .setMaxResults(n)
                        .getResultList());
            }
            List<Long> ids = merged.stream().limit(n).toList();
            // Each range ran out within n, or the merge holds n: either way ids.size() < n means none follow.
            return Chunk.of(after, ids, n);
        }
    }

    /** The topic's (topic, prediction_id) index; ordered by the whole index, which H2 then reads in order. */
    record TopicIds(String topic) implements Driver {
        @Override
        public Chunk next(EntityManager em, long after, int n, ScanAllowance allowance) {
            @SuppressWarnings("unchecked")
            List<Number> rows = em.createNativeQuery("select prediction_id from prediction_topic "
                            + "where topic = ?1 and prediction_id > ?2 order by topic, prediction_id")
                    .setHint(SpecHints.HINT_SPEC_QUERY_TIMEOUT, allowance.queryTimeoutMillis())
                    .setParameter(1, topic)
                    .setParameter(2, after)
                    .setMaxResults(n)
                    .getResultList();
            return Chunk.of(after, rows.stream().map(Number::longValue).toList(), n);
        }
    }

    /** q through PostgreSQL's trigram indexes on lower(statement) and lower(quote_text). */
    record TextIds(String pattern) implements Driver {
        @Override
        public Chunk next(EntityManager em, long after, int n, ScanAllowance allowance) {
            return Chunk.of(
                    after,
                    allowance
                            .bound(em.createQuery(
                                    "select id from Prediction where (lower(statement) like :q "
                                            + "escape '\\' or lower(quote.text) like :q escape '\\') and id > :after order by id",
                                    Long.class))
                            .setParameter("q", pattern)
                            .setParameter("after", after)
                            .setMaxResults(n)
                            .getResultList(),
                    n);
        }
    }

    /**
     * A dueBefore/dueAfter range small enough to read whole from the dueAt index (ordered by it, so that is the
     * index used), sorted by id here. A wider range is left to the other filters or the primary key, where a
     * page finds its matches soon because so many predictions are in the range.
     */
    record RangeIds(List<Long> ids) implements Driver {

        static RangeIds of(EntityManager em, PredictionFilter f, ScanAllowance allowance) {
            return of(em, "dueAt", f.dueAfter(), f.dueBefore() == null ? null : "< :upper", f.dueBefore(), allowance);
        }

        /** The nextReviewFrom/nextReviewTo window (both days included), from the (next_review_on, id) index. */
        static RangeIds ofReview(EntityManager em, PredictionFilter f, ScanAllowance allowance) {
            return of(
                    em,
                    "nextReviewOn",
                    f.nextReviewFrom(),
                    f.nextReviewTo() == null ? null : "<= :upper",
                    f.nextReviewTo(),
                    allowance);
        }

        private static RangeIds of(
                EntityManager em,
                String column,
                Object lower,
                String upperTest,
                Object upper,
                ScanAllowance allowance) {
            // A lower bound even without one given: H2's index puts the nulls first, and "column < x" alone would
            // read through all of them.
            Object from = lower != null
                    ? lower
                    : allowance
                            .bound(em.createQuery("select min(" + column + ") from Prediction", Object.class))
                            .getResultStream()
                            .filter(java.util.Objects::nonNull)
                            .findFirst()
                            .orElse(null);
            if (from == null) {
                return new RangeIds(List.of());
            }
            StringBuilder jpql = new StringBuilder("select id from Prediction where " + column + " >= :from");
            if (upperTest != null) {
                jpql.append(" and ").append(column).append(' ').append(upperTest);
            }
            TypedQuery<Long> query = allowance
                    .bound(em.createQuery(jpql.append(" order by " + column).toString(), Long.class))
                    .setParameter("from", from);
            if (upperTest != null) {
                query.setParameter("upper", upper);
            }
            List<Long> ids = query.setMaxResults(RANGE_DRIVER_MAX + 1).getResultList();
            return ids.size() > RANGE_DRIVER_MAX
                    ? null
                    : new RangeIds(ids.stream().sorted().toList());
        }

        @Override
        public Chunk next(EntityManager em, long after, int n, ScanAllowance allowance) {
            int start = java.util.Collections.binarySearch(ids, after + 1);
            start = start >= 0 ? start : -start - 1;
            return Chunk.of(after, ids.subList(start, Math.min(ids.size(), start + n)), n);
        }
    }

    /** Ids the caller found beforehand (ascending), e.g. from the indexes of a window of days. */
    record WithinIds(long[] ids) implements Driver {
        @Override
        public Chunk next(EntityManager em, long after, int n, ScanAllowance allowance) {
            int start = java.util.Arrays.binarySearch(ids, after + 1);
            start = start >= 0 ? start : -start - 1;
            int end = Math.min(ids.length, start + n);
            List<Long> chunk = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                chunk.add(ids[i]);
            }
            return Chunk.of(after, chunk, n);
        }
    }

    /**
     * The primary key, in windows of ids: every prediction is a candidate. A window starts at the next id and spans
     * n ids, so it holds at most n predictions (ids are allocated in order and nearly without gaps). Finding the
     * n-th id instead would read n whole rows, since H2 keeps the rows in the primary key.
     */
    static final class AllIds implements Driver {
        private Long maxId;

        @Override
        public Chunk next(EntityManager em, long after, int n, ScanAllowance allowance) {
            if (maxId == null) {
                maxId = allowance
                        .bound(em.createQuery("select max(id) from Prediction", Long.class))
                        .getResultStream()
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(0L);
            }
            List<Long> first = allowance
                    .bound(em.createQuery("select id from Prediction where id > :after order by id", Long.class))
                    .setParameter("after", after)
                    .setMaxResults(1)
                    .getResultList();
            if (first.isEmpty() || first.get(0) > maxId) {
                return new Chunk(after, after, null, 0, true);
            }
            long upTo = Math.min(maxId, first.get(0) - 1 + n);
            return new Chunk(after, upTo, null, (int) (upTo - first.get(0) + 1), upTo >= maxId);
        }

        @Override
        public int maxChunk() {
            return MAX_WINDOW;
        }
    }
}
