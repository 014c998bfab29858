package app.hindsight.prediction.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.id.IdentifierGenerator;

import app.hindsight.HindsightConfig;
import app.hindsight.prediction.model.EventType;
import app.hindsight.prediction.model.NewPrediction;
import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.model.PredictionEvent;

/**
 * The insert path of imports and seeds: new predictions, their topics and their CREATED events written in JDBC
 * batches, in the caller's transaction, instead of one persisted entity and event each (Hibernate's flush of those was
 * a third of an import's time). The rows are what persisting the entity writes ({@link PredictionRow}); ids come from
 * the entities' own generators, so they never collide with ids Hibernate hands out. Each key leaves the read cache as
 * an entity write would.
 */
@ApplicationScoped
public class PredictionInserts {

    /** Rows sent to the database at once: large enough to amortize the round trips, small enough to bound memory. */
    private static final int BATCH = 1000;

    @Inject
    HindsightConfig config;

    @Inject
    PredictionCache cache;

    @Inject
    SpeakerDirectory speakers;

    /** Inserts valid predictions whose keys are set and free, each with its CREATED event by {@code actor}. */
    public void insertAll(List<NewPrediction> items, String actor, String note, Instant now, LocalDate today) {
        if (items.isEmpty()) {
            return;
        }
        SessionImplementor session = Prediction.getEntityManager().unwrap(SessionImplementor.class);
        // What the session holds goes first (an import's sources: these rows refer to them).
        session.flush();
        IdentifierGenerator predictionIds = generator(session, Prediction.class);
        IdentifierGenerator eventIds = generator(session, PredictionEvent.class);
        List<Prediction> rows = new ArrayList<>(items.size());
        long[] events = new long[items.size()];
        List<String> keys = new ArrayList<>(items.size());
        for (NewPrediction in : items) {
            Prediction p = Prediction.created(in, now, config.zone(), today);
            p.id = (Long) predictionIds.generate(session, p);
            events[rows.size()] = (Long) eventIds.generate(session, null);
            rows.add(p);
            keys.add(p.key);
        }
        cache.writtenAll(keys);
        speakers.added(items.stream().map(NewPrediction::speaker).toList());
        session.doWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement(PredictionRow.INSERT)) {
                Batch batch = new Batch(s);
                for (Prediction p : rows) {
                    PredictionRow.bind(s, p);
                    batch.add();
                }
                batch.end();
            }
            try (PreparedStatement s = connection.prepareStatement(PredictionRow.INSERT_TOPIC)) {
                Batch batch = new Batch(s);
                for (Prediction p : rows) {
                    for (String topic : p.topics) {
                        PredictionRow.bindTopic(s, p.id, topic);
                        batch.add();
                    }
                }
                batch.end();
            }
            try (PreparedStatement s = connection.prepareStatement(PredictionRow.INSERT_EVENT)) {
                Batch batch = new Batch(s);
                for (int n = 0; n < rows.size(); n++) {
                    PredictionRow.bindEvent(s, events[n], rows.get(n).key, EventType.CREATED, now, actor, note);
                    batch.add();
                }
                batch.end();
            }
        });
    }

    private static IdentifierGenerator generator(SessionImplementor session, Class<?> entity) {
        return (IdentifierGenerator) session.getFactory()
                .getMappingMetamodel()
                .getEntityDescriptor(entity)
                .getGenerator();
    }

    /** Adds rows to a statement's batch and sends them every {@link #BATCH}. */
    private static final class Batch {

        private final PreparedStatement statement;
        private int pending;

        Batch(PreparedStatement statement) {
            this.statement = statement;
        }

        void add() throws SQLException {
            statement.addBatch();
            if (++pending == BATCH) {
                statement.executeBatch();
                pending = 0;
            }
        }

        void end() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }
}
