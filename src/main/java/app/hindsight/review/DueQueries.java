package app.hindsight.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import app.hindsight.prediction.model.DueDates;
import app.hindsight.prediction.model.DuePrediction;
import app.hindsight.prediction.model.EventType;
import app.hindsight.prediction.model.FlagReason;
import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.model.Status;
import app.hindsight.prediction.store.DueFlagWriter;
import app.hindsight.prediction.store.PredictionHistory;

/** What the due scan and the calendar ask of the ledger, and what the scan writes to it: in the caller's transaction. */
@ApplicationScoped
public class DueQueries {

    /** The actor of what the scheduler does, in the history. */
    public static final String SCHEDULER = "scheduler";

    @Inject
    Clock clock;

    @Inject
    PredictionHistory history;

    @Inject
    DueFlagWriter flags;

    /** Ids of OPEN predictions whose review date has come, after {@code afterId}, in id order. */
    public List<Long> dueIds(LocalDate today, long afterId, int limit) {
        return Prediction.getEntityManager()
                .createQuery(
                        "select p.id from Prediction p where p.status = :open "
                                + "and p.nextReviewOn <= :today and p.id > :after order by p.id",
                        Long.class)
                .setParameter("open", Status.OPEN)
                .setParameter("today", today)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Flags these predictions DUE, each with a FLAGGED_DUE event, if they still are OPEN and due (another
     * scanner may have been first). Returns the ones flagged here.
     */
    public List<DuePrediction> flag(List<Long> ids, LocalDate today) {
        Instant now = now();
        List<DuePrediction> flagged =
                flags.flag(ids, now, p -> DueDates.reviewDue(p.status, p.nextReviewOn, today) ? p.flagDue() : null);
        for (DuePrediction p : flagged) {
            String note = p.reason() == FlagReason.TARGET_REACHED ? "target date reached" : "periodic review due";
            history.append(
                    p.key(),
                    EventType.FLAGGED_DUE,
                    now,
                    SCHEDULER,
                    note,
                    p.reason().name(),
                    null);
        }
        return flagged;
    }

    /** OPEN predictions whose dueAt lies in (from, until], after {@code afterId}, in id order. */
    public List<DuePrediction> dueBetween(Instant from, Instant until, long afterId, int limit) {
        return Prediction.<Prediction>find(
                        "status = ?1 and dueAt > ?2 and dueAt <= ?3 and id > ?4 order by id",
                        Status.OPEN,
                        from,
                        until,
                        afterId)
                .range(0, limit - 1)
                .list()
                .stream()
                .map(p -> DuePrediction.of(p, null))
                .toList();
    }

    /**
     * Ids of OPEN predictions whose metric's latest observation (not retracted; the last recorded of the latest day)
     * has reached its target, and was recorded after the prediction's last review was opened, so that a deferral
     * is not undone by the same observation at the next scan. Driven from the observations, which are few.
     */
    public List<Long> targetMetIds(long afterId, int limit) {
        @SuppressWarnings("unchecked")
        List<Number> ids = Prediction.getEntityManager()
                .createNativeQuery("select distinct p.id from observation o join prediction p on p.id = o.prediction_id"
                        + " where p.status = 'OPEN' and p.id > :after and o.retracted_at is null"
                        + " and o.id = (select l.id from observation l where l.prediction_id = p.id"
                        + " and l.retracted_at is null order by l.observed_on desc, l.id desc fetch first 1 rows only)"
                        + " and ((p.metric_direction = 'DECREASE' and o.metric_value <= p.metric_target)"
                        + " or (p.metric_direction = 'INCREASE' and o.metric_value >= p.metric_target))"
                        + " and not exists (select 1 from review r where r.prediction_key = p.slug"
                        + " and r.opened_at >= o.recorded_at)"
                        + " order by p.id")
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Flags these predictions DUE for TARGET_MET if they still are OPEN; returns the ones flagged here. */
    public List<DuePrediction> flagTargetMet(List<Long> ids, LocalDate today) {
        Instant now = now();
        List<DuePrediction> flagged =
                flags.flag(ids, now, p -> p.status == Status.OPEN ? p.flagTargetMet(today) : null);
        for (DuePrediction p : flagged) {
            history.append(
                    p.key(),
                    EventType.FLAGGED_DUE,
                    now,
                    SCHEDULER,
                    "metric target met",
                    p.reason().name(),
                    null);
        }
        return flagged;
    }

    /** An event the scheduler records: REMINDED or ESCALATED. */
    public void recordByScheduler(String key, EventType type, String note, JsonNode details) {
        history.append(key, type, now(), SCHEDULER, note, null, details);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
