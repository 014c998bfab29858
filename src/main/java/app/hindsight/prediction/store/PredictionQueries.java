package app.hindsight.prediction.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.SpecHints;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.hindsight.HindsightConfig;
import app.hindsight.prediction.model.DueDates;
import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.model.PredictionView;
import app.hindsight.prediction.model.Status;
import app.hindsight.shared.NotFound;
import app.hindsight.shared.Paged;

/**
 * Reading predictions: one by key (through the read cache), a page of a filter's matches, a batch of an export.
 * The list planner ({@link PredictionScan}) finds the matches.
 */
@ApplicationScoped
public class PredictionQueries {

    @Inject
    HindsightConfig config;

    @Inject
    PredictionScan scan;

    @Inject
    SortedScan sortedScan;

    @Inject
    PredictionCache cache;

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    /** The prediction as GET returns it, if the cache holds it: the hot read, which touches no database. */
    public Optional<PredictionCache.Entry> cached(String key) {
        return cache.get(key);
    }

    /**
     * The prediction as GET returns it, JSON and version, from the cache when it is there. A miss reads it with one
     * plain JDBC statement (no transaction, session or managed entity: two thirds of a miss's time went to them) and
     * puts it in the cache, unless a write happened meanwhile. Blocking: not on the event loop.
     */
    public PredictionCache.Entry json(String key) {
        Optional<PredictionCache.Entry> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        long readStarted = cache.readStarts();
        PredictionView view = readView(key);
        PredictionCache.Entry entry;
        try {
            entry = new PredictionCache.Entry(json.writeValueAsBytes(view), view.version());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a prediction that cannot be written as JSON: " + key, e);
        }
        cache.put(key, entry, readStarted);
        return entry;
    }

    private PredictionView readView(String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(PredictionRow.SELECT_BY_KEY)) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return PredictionRow.readAll(rows).stream()
                        .findFirst()
                        .orElseThrow(() -> new NotFound("prediction", key))
                        .toView();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading prediction " + key, e);
        }
    }

    /** The prediction with this key, as the API shows it. */
    @Transactional
    public PredictionView view(String key) {
        return read(key);
    }

    private static PredictionView read(String key) {
        // One query with the topics, and no snapshot kept for dirty checking.
        return Prediction.getEntityManager()
                .createQuery("select p from Prediction p left join fetch p.topics where p.key = :key", Prediction.class)
                .setParameter("key", key)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFound("prediction", key))
                .toView();
    }

    /**
     * A page of the filter's matches after the id {@code after}. A page that would examine more predictions than the
     * scan budget allows is refused ({@link ScanBudgetExceeded}); one that is full when the budget runs out goes on
     * past everything examined, so the next page does not read it again.
     */
    @Transactional
    public Paged<PredictionView> list(PredictionFilter filter, long after, int limit) {
        PredictionScan.Slice slice = scan.scan(filter, after, limit + 1);
        List<Prediction> rows = slice.matches();
        if (rows.size() < limit && !slice.complete()) {
            throw new ScanBudgetExceeded(config.list().scanBudget());
        }
        List<Prediction> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        Long next = null;
        if (rows.size() > limit) {
            next = page.get(page.size() - 1).id;
        } else if (!slice.complete()) {
            next = slice.resumeAfter();
        }
        return new Paged<>(page.stream().map(Prediction::toView).toList(), next);
    }

    /**
     * A page of the filter's matches in an order, after the prediction with the date {@code afterKey} and the id
     * {@code afterId} (null: the first page); refused as {@link #list(PredictionFilter, long, int)} is when it would
     * examine more than the scan budget allows. Its nextAfter is the last item's id; the order's
     * {@link PredictionOrder#cursorKey} of the last item gives the date.
     */
    @Transactional
    public Paged<PredictionView> list(
            PredictionFilter filter, PredictionOrder order, Object afterKey, Long afterId, int limit) {
        SortedScan.Position after = afterId == null ? null : new SortedScan.Position(afterKey, afterId);
        SortedScan.Slice slice = sortedScan.scan(filter, order, after, limit + 1);
        if (slice.matches().size() <= limit && !slice.complete()) {
            throw new ScanBudgetExceeded(config.list().scanBudget());
        }
        return Paged.of(slice.matches(), limit, p -> p.id).map(Prediction::toView);
    }

    /** One batch of a sorted export, in its own transaction: as {@link #batch}, resuming after a position. */
    public record SortedBatch(List<PredictionView> items, Object resumeKey, long resumeId, boolean last) {}

    @Transactional
    public SortedBatch batch(PredictionFilter filter, PredictionOrder order, SortedBatch previous, int size) {
        SortedScan.Position after =
                previous == null ? null : new SortedScan.Position(previous.resumeKey(), previous.resumeId());
        SortedScan.Slice slice = sortedScan.scan(filter, order, after, size);
        SortedScan.Position at = slice.resumeAfter();
        return new SortedBatch(
                slice.matches().stream().map(Prediction::toView).toList(),
                at == null ? null : at.key(),
                at == null ? 0 : at.id(),
                slice.complete() || at == null);
    }

    /** One batch of an export: matches, the id to resume after, and whether it is the last batch. */
    public record Batch(List<PredictionView> items, long resumeAfter, boolean last) {}

    /**
     * The next batch of an export or the calendar, in its own transaction: at most {@code size} matches after
     * {@code afterId}, fewer (even none) when the scan budget ran out first; the next batch resumes after
     * everything examined, so an export of any filter reads each prediction once.
     */
    @Transactional
    public Batch batch(PredictionFilter filter, long afterId, int size) {
        return batch(filter, afterId, size, null);
    }

    /**
     * A batch as {@link #batch(PredictionFilter, long, int)}, of the predictions among {@code within} (ids in
     * ascending order, from {@link #idsOnDays}) only; null means any.
     */
    @Transactional
    public Batch batch(PredictionFilter filter, long afterId, int size, long[] within) {
        PredictionScan.Slice slice = scan.scan(filter, afterId, size, within);
        return new Batch(
                slice.matches().stream().map(Prediction::toView).toList(), slice.resumeAfter(), slice.complete());
    }

    /**
     * The ids, ascending, of the predictions in these statuses whose day falls from {@code from} to {@code to}
     * (both included): the target date, or for an undated prediction the next review date. Read from the indexes
     * (status, due_at) and (status, next_review_on, slug), one range of each per status; a dated prediction's
     * target date is in the window when its dueAt (the start of the next day) is.
     */
    @Transactional
    public long[] idsOnDays(List<Status> statuses, LocalDate from, LocalDate to) {
        int timeout = (int) Math.min(Integer.MAX_VALUE, config.list().timeout().toMillis());
        Instant startsAt = DueDates.dueAt(from, config.zone());
        Instant endsBefore = DueDates.dueAt(to.plusDays(1), config.zone());
        List<Long> ids = new ArrayList<>();
        for (Status status : statuses) {
            ids.addAll(Prediction.getEntityManager()
                    .createQuery(
                            "select id from Prediction where status = :status and dueAt >= :from and dueAt < :to",
                            Long.class)
                    .setHint(SpecHints.HINT_SPEC_QUERY_TIMEOUT, timeout)
                    .setParameter("status", status)
                    .setParameter("from", startsAt)
                    .setParameter("to", endsBefore)
                    .getResultList());
            ids.addAll(Prediction.getEntityManager()
                    .createQuery(
                            // target.date, not dueAt, which H2 would read through the dueAt index's nulls.
                            "select id from Prediction where status = :status and nextReviewOn >= :from "
                                    + "and nextReviewOn <= :to and target.date is null",
                            Long.class)
                    .setHint(SpecHints.HINT_SPEC_QUERY_TIMEOUT, timeout)
                    .setParameter("status", status)
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .getResultList());
        }
        return ids.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
    }

    /** The id of the prediction with this key, in the caller's transaction; 404 when there is none. */
    public long id(String key) {
        return Prediction.getEntityManager()
                .createQuery("select p.id from Prediction p where p.key = :key", Long.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFound("prediction", key));
    }

    /**
     * The prediction with this key, its row locked until the caller's transaction ends, so that writes that depend on
     * its state (a forecast while it is open, an observation and the verdict before it) are decided one after the
     * other, and a resolution or edit recorded meanwhile comes after; 404 when there is none.
     */
    public Prediction locked(String key) {
        Prediction p = Prediction.<Prediction>find("key", key)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (p == null) {
            throw new NotFound("prediction", key);
        }
        return p;
    }
}
