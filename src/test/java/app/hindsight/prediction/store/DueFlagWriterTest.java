package app.hindsight.prediction.store;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.hindsight.prediction.TestData;
import app.hindsight.prediction.model.DuePrediction;
import app.hindsight.prediction.model.FlagReason;
import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.model.Status;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The due scan's JDBC write ({@link DueFlagWriter}): it writes what the entity's transition decided, bumps the
 * version (so the ETag), leaves the read cache, and leaves alone a prediction changed since it was read.
 */
@QuarkusTest
class DueFlagWriterTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:15:30.123456Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-29");

    @Inject
    DueFlagWriter flags;

    @Test
    void flagWritesTheTransitionBumpsTheVersionAndLeavesTheCache() {
        String key = TestData.create(TestData.prediction(TestData.key("flag")));
        String etag = TestData.predictions()
                .get("{key}", key)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        Prediction before = read(key);

        List<DuePrediction> flagged = QuarkusTransaction.requiringNew()
                .call(() -> flags.flag(List.of(before.id), NOW, p -> p.flagTargetMet(TODAY)));

        assertEquals(1, flagged.size());
        assertEquals(key, flagged.get(0).key());
        assertEquals(before.version, flagged.get(0).version(), "the version it was flagged at");
        assertEquals(FlagReason.TARGET_MET, flagged.get(0).reason());
        Prediction after = read(key);
        assertEquals(Status.DUE, after.status);
        assertEquals(TODAY, after.nextReviewOn);
        assertEquals(NOW, after.updatedAt);
        assertEquals(before.version + 1, after.version);
        assertEquals(before.statement, after.statement);
        assertEquals(before.topics, after.topics);
        // The read cache held the OPEN prediction; the next GET reads the flagged one.
        TestData.predictions()
                .get("{key}", key)
                .then()
                .statusCode(200)
                .body("status", equalTo("DUE"))
                .body("nextReviewOn", equalTo("2026-11-29"))
                .header("ETag", not(equalTo(etag)));
    }

    @Test
    void aPredictionChangedSinceItWasReadIsLeftAlone() {
        String key = TestData.create(TestData.prediction(TestData.key("flag-race")));
        long id = QuarkusTransaction.requiringNew()
                .call(() -> Prediction.<Prediction>find("key", key).firstResult().id);

        List<DuePrediction> flagged = QuarkusTransaction.requiringNew()
                .call(() -> flags.flag(List.of(id), NOW, p -> {
                    // Another writer commits a change between the read and the update.
                    QuarkusTransaction.requiringNew().run(() -> {
                        Prediction other = Prediction.findById(id);
                        other.statement = other.statement + " (edited)";
                    });
                    return p.flagTargetMet(TODAY);
                }));

        assertEquals(List.of(), flagged);
        Prediction after = read(key);
        assertEquals(Status.OPEN, after.status);
        assertEquals(true, after.statement.endsWith(" (edited)"));
    }

    @Test
    void nothingToFlagWritesNothing() {
        String key = TestData.create(TestData.prediction(TestData.key("flag-none")));
        Prediction before = read(key);

        List<DuePrediction> flagged =
                QuarkusTransaction.requiringNew().call(() -> flags.flag(List.of(before.id), NOW, p -> null));

        assertEquals(List.of(), flagged);
        Prediction after = read(key);
        assertEquals(before.version, after.version);
        assertEquals(Status.OPEN, after.status);
    }

    /** The stored prediction, its topics loaded. */
    private static Prediction read(String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Prediction p = Prediction.<Prediction>find("key", key).firstResult();
            p.topics.size();
            return p;
        });
    }
}
