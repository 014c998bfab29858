package app.hindsight.prediction.store;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;

import app.hindsight.prediction.model.DuePrediction;
import app.hindsight.prediction.model.FlagReason;
import app.hindsight.prediction.model.Prediction;

/**
 * The due scan's write to predictions: a batch flagged DUE with plain JDBC, in the caller's transaction. The scan
 * changes two columns of each row; loading managed entities and letting Hibernate's flush rewrite every column was
 * half of a scan's time (10k flagged). The transition itself stays the entity's ({@link Prediction#flagDue},
 * {@link Prediction#flagTargetMet}), run on rows read with {@link PredictionRow}; each update checks the version it
 * read, so a prediction another scanner or a reviewer changed meanwhile is left alone, as an optimistic lock would.
 */
@ApplicationScoped
public class DueFlagWriter {

    @Inject
    PredictionCache cache;

    /**
     * Runs {@code transition} on each of these predictions (null: not flagged) and writes those it flags. Returns
     * them as they were flagged (the version they had, as the review's cycle is named after it), in id order.
     */
    public List<DuePrediction> flag(List<Long> ids, Instant now, Function<Prediction, FlagReason> transition) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Session session = Prediction.getEntityManager().unwrap(Session.class);
        session.flush();
        return session.doReturningWork(connection -> {
            List<Prediction> flagged = new ArrayList<>();
            List<DuePrediction> due = new ArrayList<>();
            for (Prediction p : PredictionRow.readRowsByIds(connection, ids, 0)) {
                FlagReason reason = transition.apply(p);
                if (reason != null) {
                    flagged.add(p);
                    due.add(DuePrediction.of(p, reason));
                }
            }
            if (flagged.isEmpty()) {
                return List.of();
            }
            int[] counts;
            try (PreparedStatement update = connection.prepareStatement(PredictionRow.UPDATE_FLAG)) {
                for (Prediction p : flagged) {
                    PredictionRow.bindFlag(update, p, now);
                    update.addBatch();
                }
                counts = update.executeBatch();
            }
            List<DuePrediction> written = new ArrayList<>(due.size());
            List<String> keys = new ArrayList<>(due.size());
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO) {
                    written.add(due.get(i));
                    keys.add(due.get(i).key());
                }
            }
            cache.writtenAll(keys);
            return written;
        });
    }
}
