package app.hindsight.prediction.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import app.hindsight.prediction.model.EventType;
import app.hindsight.prediction.model.Outcome;
import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.model.PredictionWritten;
import app.hindsight.prediction.model.VerdictState;

/**
 * The verdict-finalisation job's reads and writes of predictions, in the caller's transaction. Each verdict is made
 * FINAL by one conditional update (still PROVISIONAL, still the version read, its finalAt passed): of two runs or two
 * replicas that read the same verdict, one update changes the row and the other none, so the VERDICT_FINAL event and
 * the notice, written only after a changed row, exist once.
 */
@ApplicationScoped
public class VerdictWriter {

    /** The actor of what the scheduler does, in the history. */
    static final String SCHEDULER = "scheduler";

    /** A verdict made FINAL here: what its event and notice say. */
    public record Finalised(
            String key,
            String statement,
            String speaker,
            Outcome outcome,
            LocalDate resolvedOn,
            Instant resolvedAt,
            Instant finalAt) {}

    @Inject
    PredictionHistory history;

    @Inject
    Event<PredictionWritten> written;

    /** Ids of PROVISIONAL verdicts whose finalAt has come by {@code now}, after {@code afterId}, in id order. */
    public List<Long> dueIds(Instant now, long afterId, int limit) {
        return Prediction.getEntityManager()
                .createQuery(
                        "select p.id from Prediction p where p.verdict.state = :provisional and p.verdict.finalAt <= :now"
                                + " and p.id > :after order by p.id",
                        Long.class)
                .setParameter("provisional", VerdictState.PROVISIONAL)
                .setParameter("now", now)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Makes these verdicts FINAL where they still are PROVISIONAL and due; returns the ones finalised here. */
    public List<Finalised> finalise(List<Long> ids, Instant now) {
        List<Object[]> rows = Prediction.getEntityManager()
                .createQuery(
                        "select p.id, p.version, p.key, p.statement, p.speaker, p.outcome, p.resolvedOn,"
                                + " p.resolvedAt, p.verdict.finalAt from Prediction p where p.id in :ids"
                                + " and p.verdict.state = :provisional and p.verdict.finalAt <= :now order by p.id",
                        Object[].class)
                .setParameter("ids", ids)
                .setParameter("provisional", VerdictState.PROVISIONAL)
                .setParameter("now", now)
                .getResultList();
        List<Finalised> done = new ArrayList<>();
        for (Object[] row : rows) {
            int changed = Prediction.getEntityManager()
                    .createQuery("update Prediction p set p.verdict.state = :final, p.version = p.version + 1,"
                            + " p.updatedAt = :now where p.id = :id and p.version = :version"
                            + " and p.verdict.state = :provisional")
                    .setParameter("final", VerdictState.FINAL)
                    .setParameter("now", now)
                    .setParameter("id", row[0])
                    .setParameter("version", row[1])
                    .setParameter("provisional", VerdictState.PROVISIONAL)
                    .executeUpdate();
            if (changed == 0) {
                continue; // another run or replica finalised it, or a reviewer reopened it, since the read
            }
            Finalised f = new Finalised(
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    (Outcome) row[5],
                    (LocalDate) row[6],
                    (Instant) row[7],
                    (Instant) row[8]);
            history.append(f.key(), EventType.VERDICT_FINAL, now, SCHEDULER, "the dispute window has passed", null, f);
            written.fire(new PredictionWritten(f.key(), f.speaker()));
            done.add(f);
        }
        return done;
    }
}
