package app.hindsight.prediction.store;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.hibernate.jpa.SpecHints;

import app.hindsight.HindsightConfig;
import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.store.ScanDrivers.AllIds;
import app.hindsight.prediction.store.ScanDrivers.Chunk;
import app.hindsight.prediction.store.ScanDrivers.Driver;
import app.hindsight.prediction.store.ScanDrivers.EachValueIds;
import app.hindsight.prediction.store.ScanDrivers.IndexIds;
import app.hindsight.prediction.store.ScanDrivers.RangeIds;
import app.hindsight.prediction.store.ScanDrivers.TextIds;
import app.hindsight.prediction.store.ScanDrivers.TopicIds;
import app.hindsight.prediction.store.ScanDrivers.WithinIds;

/**
 * The matches of a list filter in id order, after a cursor, at a cost in line with what is returned.
 * <p>
 * Candidate ids come in id order, a chunk at a time, from one <em>driver</em>: the index of one filter, ordered
 * by (value, id) so that the database reads it in order and stops early (status, kind, topic, speaker, source;
 * on PostgreSQL also q through its trigram indexes), the dueAt index when the range holds few predictions, or
 * else the primary key. The other filters are checked on each chunk's rows, read by primary key, and only the
 * matches become entities. With several filters, the driver is the one whose first chunk runs out soonest, or
 * else reaches furthest in id order: the sparsest. (One query with every filter and {@code order by id} lets H2
 * pick an index that is not in id order and sort every match, which grows with the table, not with the page.)
 * <p>
 * What one scan may do is bounded: hindsight.list.scan-budget candidates examined, hindsight.list.timeout of time.
 * A scan that spends its budget stops and says where it got to; the caller decides whether that is an error (a
 * list page) or a point to resume from in a new transaction (an export).
 */
@ApplicationScoped
class PredictionScan {

    /** The fewest candidates read in one round; a round reads half as many again as the matches still wanted. */
    private static final int MIN_CHUNK = 64;

    @Inject
    HindsightConfig config;

    @Inject
    SpeakerDirectory speakers;

    /** A part of a name that matches more speakers than this is checked on each row instead of driving the scan. */
    private static final int MAX_SPEAKER_DRIVERS = 16;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /**
     * What a scan found: at most the matches asked for, in id order; the id after which to go on; and whether
     * nothing can follow (the driver ran out). When it is not complete and holds fewer matches than asked for,
     * the budget ran out.
     */
    record Slice(List<Prediction> matches, long resumeAfter, boolean complete) {}

    /** The first {@code count} matches after {@code after}, within the budget, in the caller's transaction. */
    Slice scan(PredictionFilter filter, long after, int count) {
        return scan(filter, after, count, null);
    }

    /**
     * As {@link #scan(PredictionFilter, long, int)}, among the ids of {@code within} only (ascending; null: any). They
     * are one more driver, chosen when they are the sparsest; with another driver, each candidate is looked up in them.
     */
    Slice scan(PredictionFilter filter, long after, int count, long[] within) {
        ScanAllowance allowance = new ScanAllowance(
                config.list().scanBudget(), config.list().timeout().toNanos(), System::nanoTime);
        EntityManager em = Prediction.getEntityManager();
        ScanCheck check = check(filter);
        if (check.speakers() != null && check.speakers().isEmpty()) {
            return new Slice(List.of(), after, true);
        }
        // Never more candidates than the budget, so a scan stops within it (a budget under a page is the operator's
        // choice: such pages are refused).
        int chunk = Math.max(1, Math.min(firstChunk(count), allowance.rowsLeft()));
        Candidates first = choose(em, check, after, chunk, allowance, within);
        Driver driver = first.driver();
        List<Prediction> matches = new ArrayList<>();
        long cursor = after;
        Chunk c = first.chunk();
        while (true) {
            allowance.spend(c.examined());
            int wanted = count - matches.size();
            List<Prediction> found = load(em, check, c, driver instanceof TopicIds, within, wanted, allowance);
            matches.addAll(found);
            if (matches.size() >= count) {
                return new Slice(matches, matches.get(matches.size() - 1).id, false);
            }
            cursor = c.upTo();
            if (c.last()) {
                return new Slice(matches, cursor, true);
            }
            if (allowance.rowsLeft() <= 0) {
                return new Slice(matches, cursor, false);
            }
            // Sparse so far: read more at once next time.
            chunk = Math.min(chunk * 4, driver.maxChunk());
            int n = Math.min(Math.max(chunk, (count - matches.size()) * 3 / 2), allowance.rowsLeft());
            c = driver.next(em, cursor, Math.min(n, driver.maxChunk()), allowance);
        }
    }

    /** The filter with its speaker resolved to the names it matches. */
    ScanCheck check(PredictionFilter filter) {
        return new ScanCheck(filter, filter.speaker() == null ? null : speakers.matchingLower(filter.speaker()));
    }

    private static int firstChunk(int count) {
        return Math.max(MIN_CHUNK, count + count / 2);
    }

    // --- choosing the driver ---------------------------------------------------------------------------

    private record Candidates(Driver driver, Chunk chunk) {}

    private Candidates choose(
            EntityManager em, ScanCheck check, long after, int n, ScanAllowance allowance, long[] within) {
        List<Driver> drivers = drivers(em, check, allowance);
        if (within != null) {
            drivers.add(new WithinIds(within));
        }
        if (drivers.isEmpty()) {
            Driver all = new AllIds();
            return new Candidates(all, all.next(em, after, n, allowance));
        }
        Candidates best = null;
        for (Driver d : drivers) {
            Candidates probe = new Candidates(d, d.next(em, after, Math.min(n, d.maxChunk()), allowance));
            if (best == null || sparser(probe.chunk(), best.chunk())) {
                best = probe;
            }
        }
        return best;
    }

    /** Whether a's driver looks sparser than b's from their first chunks: fewer rows left, or reaching further. */
    private static boolean sparser(Chunk a, Chunk b) {
        if (a.last() || b.last()) {
            return a.last() && (!b.last() || a.examined() < b.examined());
        }
        return a.upTo() > b.upTo();
    }

    private List<Driver> drivers(EntityManager em, ScanCheck check, ScanAllowance allowance) {
        PredictionFilter f = check.filter();
        List<Driver> drivers = new ArrayList<>();
        if (!f.statuses().isEmpty()) {
            drivers.add(new EachValueIds("status", List.copyOf(EnumSet.copyOf(f.statuses()))));
        }
        if (f.kind() != null) {
            drivers.add(new IndexIds(
                    "select id from Prediction where kind = :v and id > :after order by kind, id", f.kind()));
        }
        if (f.topic() != null) {
            drivers.add(new TopicIds(f.topicTag()));
        }
        if (check.speakers() != null && check.speakers().size() <= MAX_SPEAKER_DRIVERS) {
            drivers.add(new EachValueIds("speakerLower", List.copyOf(check.speakers())));
        }
        if (f.source() != null) {
            drivers.add(new IndexIds(
                    "select id from Prediction where source = :v and id > :after " + "order by source, id",
                    f.source()));
        }
        if (f.q() != null && textIndexed(f.q())) {
            drivers.add(new TextIds(f.likePattern()));
        }
        if (f.dueBefore() != null || f.dueAfter() != null) {
            RangeIds range = RangeIds.of(em, f, allowance);
            if (range != null) {
                drivers.add(range);
            }
        }
        if (f.nextReviewFrom() != null || f.nextReviewTo() != null) {
            RangeIds range = RangeIds.ofReview(em, f, allowance);
            if (range != null) {
                drivers.add(range);
            }
        }
        return drivers;
    }

    /** PostgreSQL has trigram indexes for q (db/postgresql); they cannot narrow a needle of under 3 characters. */
    private boolean textIndexed(String q) {
        return "postgresql".equals(dbKind) && q.codePointCount(0, q.length()) >= 3;
    }

    // --- loading the matches of a chunk ------------------------------------------------------------------

    /**
     * The matches among a chunk's candidates, at most {@code max}, as read-only entities in id order. The
     * candidates' filter columns are read by primary key alone and checked here: with a condition on another
     * indexed column in the same query, H2 may use that column's index instead and read every row it holds.
     * q has no index on H2, so it is checked in the query (on PostgreSQL its trigram index may serve it).
     */
    static List<Prediction> load(
            EntityManager em,
            ScanCheck check,
            Chunk c,
            boolean topicChecked,
            long[] within,
            int max,
            ScanAllowance allowance) {
        if (c.isEmpty()) {
            return List.of();
        }
        PredictionFilter f = check.filter();
        String jpql = "select " + ScanCheck.COLUMNS + " from Prediction p where "
                + (c.ids() != null ? "p.id in :ids" : "p.id > :from and p.id <= :upTo")
                + (f.q() != null
                        ? " and (lower(p.statement) like :q escape '\\' or lower(p.quote.text) like :q "
                                + "escape '\\')"
                        : "")
                + " order by p.id";
        TypedQuery<Object[]> query = allowance.bound(em.createQuery(jpql, Object[].class));
        if (c.ids() != null) {
            query.setParameter("ids", c.ids());
        } else {
            query.setParameter("from", c.from()).setParameter("upTo", c.upTo());
        }
        if (f.q() != null) {
            query.setParameter("q", f.likePattern());
        }
        List<Long> passed = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            if (check.admits(row)) {
                passed.add((Long) row[0]);
            }
        }
        if (within != null) {
            passed.removeIf(id -> java.util.Arrays.binarySearch(within, id) < 0);
        }
        if (f.topic() != null && !topicChecked && !passed.isEmpty()) {
            Set<Long> tagged = tagged(em, passed, f.topicTag(), allowance);
            passed.removeIf(id -> !tagged.contains(id));
        }
        if (passed.isEmpty()) {
            return List.of();
        }
        List<Long> ids = passed.subList(0, Math.min(max, passed.size()));
        int timeoutSeconds = (allowance.queryTimeoutMillis() + 999) / 1000;
        return em.unwrap(Session.class)
                .doReturningWork(connection -> PredictionRow.readByIds(connection, ids, timeoutSeconds));
    }

    /** Which of these predictions have the topic: all their topics, read by the primary key (prediction_id, topic). */
    private static Set<Long> tagged(EntityManager em, List<Long> ids, String topic, ScanAllowance allowance) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select prediction_id, topic from prediction_topic " + "where prediction_id in (:ids)")
                .setHint(SpecHints.HINT_SPEC_QUERY_TIMEOUT, allowance.queryTimeoutMillis())
                .setParameter("ids", ids)
                .getResultList();
        Set<Long> tagged = new HashSet<>();
        for (Object[] row : rows) {
            if (topic.equals(row[1])) {
                tagged.add(((Number) row[0]).longValue());
            }
        }
        return tagged;
    }
}
