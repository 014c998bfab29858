package app.hindsight.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import app.hindsight.prediction.DuePrediction;
import app.hindsight.prediction.EventType;
import app.hindsight.prediction.FlagReason;
import app.hindsight.prediction.Prediction;
import app.hindsight.prediction.PredictionHistory;
import app.hindsight.prediction.Status;

/** What the due scan and the calendar ask of the ledger, and what the scan writes to it: in the caller's transaction. */
@ApplicationScoped
public class DueQueries {

    /** The actor of what the scheduler does, in the history. */
    public static final String SCHEDULER = "scheduler";

    @Inject
    Clock clock;

    @Inject
    PredictionHistory history;

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
        List<DuePrediction> flagged = new ArrayList<>();
        for (Prediction p : Prediction.<Prediction>list("id in ?1 order by id", ids)) {
            if (!p.reviewDue(today)) {
                continue;
            }
            FlagReason reason = p.flagDue();
            p.updatedAt = now();
            history.append(
                    p.key,
                    EventType.FLAGGED_DUE,
                    now(),
                    SCHEDULER,
                    reason == FlagReason.TARGET_REACHED ? "target date reached" : "periodic review due",
                    reason.name(),
                    null);
            flagged.add(p.toDue(reason));
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
                .map(p -> p.toDue(null))
                .toList();
    }

    /** An event the scheduler records: REMINDED or ESCALATED. */
    public void recordByScheduler(String key, EventType type, String note, JsonNode details) {
        history.append(key, type, now(), SCHEDULER, note, null, details);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
