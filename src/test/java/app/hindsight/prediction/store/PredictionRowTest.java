package app.hindsight.prediction.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.hindsight.TestClock;
import app.hindsight.prediction.PredictionUpserts;
import app.hindsight.prediction.model.Basis;
import app.hindsight.prediction.model.Direction;
import app.hindsight.prediction.model.EventType;
import app.hindsight.prediction.model.EventView;
import app.hindsight.prediction.model.Evidence;
import app.hindsight.prediction.model.Kind;
import app.hindsight.prediction.model.Metric;
import app.hindsight.prediction.model.NewPrediction;
import app.hindsight.prediction.model.Outcome;
import app.hindsight.prediction.model.Precision;
import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.model.PredictionView;
import app.hindsight.prediction.model.Quote;
import app.hindsight.prediction.model.Resolution;
import app.hindsight.prediction.model.Scale;
import app.hindsight.prediction.model.Target;
import app.hindsight.shared.Upsert;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The JDBC paths ({@link PredictionInserts} and the read by key, through {@link PredictionRow}) write and read exactly
 * what Hibernate does with the entity: the same prediction stored both ways reads back the same, column by column,
 * through the view, its topics and its CREATED event; a read by key answers the JSON of the entity Hibernate reads.
 */
@QuarkusTest
class PredictionRowTest {

    private static final String SOURCE = "altman-town-hall-2026-01-27";

    private static final List<NewPrediction> SHAPES = List.of(
            // Everything set: a quote, repeated topics, a metric with its baseline, a dated target.
            new NewPrediction(
                    null,
                    "  Inference will cost a hundredth of today's.  ",
                    Kind.FORECAST,
                    "Sam Altman",
                    SOURCE,
                    LocalDate.parse("2026-01-27"),
                    new Quote("成本至少降低100倍", "zh-Hant", "§5"),
                    List.of("cost", "models", "cost"),
                    new Target(LocalDate.parse("2027-12-31"), Precision.YEAR, Basis.EXPLICIT, "by the end of 2027"),
                    Period.ofMonths(6),
                    "CORRECT if the price falls 100x.",
                    new Metric(
                            "price",
                            "ratio",
                            new Metric.Baseline(1.0, LocalDate.parse("2026-01-01")),
                            0.01,
                            Direction.DECREASE,
                            Scale.LOG),
                    null),
            // The least: no source, no quote, no topics, no metric, an undated target reviewed every year.
            new NewPrediction(
                    null,
                    "Agents will be common.",
                    Kind.STANCE,
                    "Ada",
                    null,
                    LocalDate.parse("2025-05-05"),
                    null,
                    List.of(),
                    Target.none(),
                    Period.ofYears(1),
                    null,
                    null,
                    null),
            // A metric without a baseline, a target already past (its review is today's due date).
            new NewPrediction(
                    null,
                    "Robots will fold laundry.",
                    Kind.FORECAST,
                    "Ada",
                    null,
                    LocalDate.parse("2024-01-01"),
                    new Quote("they will fold it", null, null),
                    List.of("robots"),
                    new Target(LocalDate.parse("2025-06-30"), Precision.MONTH, Basis.INFERRED, null),
                    null,
                    null,
                    new Metric("share", null, null, 50.0, Direction.INCREASE, null),
                    null));

    @Inject
    PredictionUpserts upserts;

    @Inject
    ObjectMapper json;

    @Inject
    PredictionQueries queries;

    @Inject
    PredictionHistory history;

    @Test
    void batchedInsertWritesWhatTheEntityWrites() {
        TestClock.install(Instant.parse("2026-03-04T05:06:07.123456Z"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int n = 0; n < SHAPES.size(); n++) {
            NewPrediction shape = SHAPES.get(n);
            String viaEntity = "row-" + run + "-" + n + "-entity";
            String viaBatch = "row-" + run + "-" + n + "-batch";
            QuarkusTransaction.requiringNew().run(() -> upserts.create(shape.withKey(viaEntity), "ada", "imported"));
            List<Upsert> outcomes = QuarkusTransaction.requiringNew()
                    .call(() -> upserts.upsertAll(List.of(shape.withKey(viaBatch)), "ada", "imported", false, false));
            assertEquals(List.of(Upsert.CREATED), outcomes);

            PredictionView entity = queries.view(viaEntity);
            PredictionView batch = queries.view(viaBatch);
            assertEquals(withKey(entity, "k"), withKey(batch, "k"), "view of shape " + n);
            assertEquals(0, batch.version());

            Object[] entityRow = row(viaEntity);
            Object[] batchRow = row(viaBatch);
            assertArrayEquals(entityRow, batchRow, "columns of shape " + n);
            assertEquals(topics(viaEntity), topics(viaBatch), "topics of shape " + n);

            List<EventView> entityEvents = history.of(viaEntity, 0, 50).items();
            List<EventView> batchEvents = history.of(viaBatch, 0, 50).items();
            assertEquals(1, batchEvents.size());
            assertEquals(withoutId(entityEvents.get(0)), withoutId(batchEvents.get(0)), "event of shape " + n);
            assertEquals(EventType.CREATED, batchEvents.get(0).type());
            assertEquals("ada", batchEvents.get(0).actor());
            assertEquals("imported", batchEvents.get(0).note());
        }
    }

    /**
     * A read by key ({@link PredictionQueries#json}, plain JDBC through {@link PredictionRow#read}) answers exactly
     * the JSON of the entity Hibernate reads: every shape above, and one resolved with evidence.
     */
    @Test
    void readByKeyReadsWhatHibernateReads() throws Exception {
        TestClock.install(Instant.parse("2026-03-04T05:06:07.123456Z"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = new java.util.ArrayList<>();
        for (int n = 0; n < SHAPES.size(); n++) {
            String key = "read-" + run + "-" + n;
            NewPrediction shape = SHAPES.get(n).withKey(key);
            QuarkusTransaction.requiringNew().run(() -> upserts.create(shape, "ada", "imported"));
            keys.add(key);
        }
        String resolved = keys.get(0);
        QuarkusTransaction.requiringNew()
                .run(() -> Prediction.<Prediction>find("key", resolved)
                        .firstResult()
                        .resolve(
                                new Resolution(
                                        Outcome.PARTIALLY_CORRECT,
                                        "Only 40x cheaper.",
                                        List.of(new Evidence("https://example.org/prices", "price list")),
                                        LocalDate.parse("2027-12-31"),
                                        LocalDate.parse("2027-12-20"),
                                        null),
                                Instant.parse("2028-01-02T03:04:05.678901Z"),
                                java.time.ZoneOffset.UTC,
                                "bo",
                                java.time.Duration.ofDays(7)));
        for (String key : keys) {
            byte[] viaJdbc = queries.json(key).json();
            byte[] viaHibernate = json.writeValueAsBytes(queries.view(key));
            assertEquals(new String(viaHibernate, UTF_8), new String(viaJdbc, UTF_8), key);
        }
        assertTrue(new String(queries.json(resolved).json(), UTF_8).contains("\"outcome\":\"PARTIALLY_CORRECT\""));
    }

    /** Every column but id and slug, as the database holds it. */
    private static Object[] row(String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<jakarta.persistence.Tuple> rows = Prediction.getEntityManager()
                    .createNativeQuery("select * from prediction where slug = ?1", jakarta.persistence.Tuple.class)
                    .setParameter(1, key)
                    .getResultList();
            assertEquals(1, rows.size());
            return rows.get(0).getElements().stream()
                    .filter(e -> !e.getAlias().equalsIgnoreCase("id")
                            && !e.getAlias().equalsIgnoreCase("slug"))
                    .map(e -> e.getAlias().toLowerCase() + "="
                            + stringOf(rows.get(0).get(e)))
                    .toArray();
        });
    }

    private static String stringOf(Object value) {
        return value instanceof Object[] array ? Arrays.toString(array) : String.valueOf(value);
    }

    private static List<String> topics(String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Prediction.getEntityManager()
                        .createNativeQuery(
                                "select t.topic from prediction_topic t join prediction p on p.id = t.prediction_id "
                                        + "where p.slug = ?1 order by t.topic",
                                String.class)
                        .setParameter(1, key)
                        .getResultList());
    }

    private static PredictionView withKey(PredictionView v, String key) {
        return new PredictionView(
                key,
                v.statement(),
                v.kind(),
                v.speaker(),
                v.source(),
                v.madeOn(),
                v.quote(),
                v.topics(),
                v.target(),
                v.reviewEvery(),
                v.dueAt(),
                v.nextReviewOn(),
                v.resolutionCriteria(),
                v.metric(),
                v.status(),
                v.resolution(),
                v.createdAt(),
                v.updatedAt(),
                v.version());
    }

    private static EventView withoutId(EventView e) {
        return new EventView(0L, e.type(), e.at(), e.actor(), e.note(), e.reason(), e.details());
    }
}
