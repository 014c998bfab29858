package app.hindsight.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import app.hindsight.prediction.model.DueDates;
import app.hindsight.prediction.model.Outcome;
import app.hindsight.prediction.model.Status;

/** Why a forecast does not score, as the forecast list says: the rule of ScoreQueries.COUNTS in plain Java. */
class UnscoredTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final LocalDate KNOWN = LocalDate.of(2027, 6, 3);
    private static final Instant RESOLVED = Instant.parse("2027-06-10T10:00:00Z");
    private static final Unscored.Close CLOSE = new Unscored.Close(
            Status.RESOLVED,
            Outcome.CORRECT,
            DueDates.closesAt(Instant.parse("2028-01-01T00:00:00Z"), RESOLVED, KNOWN, UTC),
            KNOWN,
            UTC);

    @Test
    void theLatestForecastBeforeTheDayTheAnswerWasKnownScores() {
        assertNull(Unscored.of(CLOSE, Instant.parse("2027-06-02T23:59:59Z"), null));
        assertNull(
                Unscored.of(CLOSE, Instant.parse("2027-06-01T10:00:00Z"), Instant.parse("2027-06-05T00:00:00Z")),
                "superseded only after the close: still the latest before it");
    }

    @Test
    void aForecastMadeOnOrAfterKnownOnDoesNotScore() {
        assertEquals(Unscored.MADE_AFTER_KNOWN_ON, Unscored.of(CLOSE, Instant.parse("2027-06-03T00:00:00Z"), null));
        assertEquals(Unscored.MADE_AFTER_KNOWN_ON, Unscored.of(CLOSE, Instant.parse("2027-06-09T08:00:00Z"), null));
    }

    @Test
    void anEarlierForecastSupersededBeforeTheCloseDoesNotScore() {
        assertEquals(
                Unscored.SUPERSEDED,
                Unscored.of(CLOSE, Instant.parse("2027-05-01T00:00:00Z"), Instant.parse("2027-05-02T00:00:00Z")));
    }

    @Test
    void nothingScoresUnresolvedOrOnAnOutcomeThatIsNotScored() {
        Instant at = Instant.parse("2027-05-01T00:00:00Z");
        assertEquals(
                Unscored.NOT_RESOLVED, Unscored.of(new Unscored.Close(Status.OPEN, null, null, null, UTC), at, null));
        for (Outcome o : new Outcome[] {Outcome.UNVERIFIABLE, Outcome.VOID}) {
            Unscored.Close close = new Unscored.Close(Status.RESOLVED, o, CLOSE.closesAt(), KNOWN, UTC);
            assertEquals(Unscored.OUTCOME_NOT_SCORED, Unscored.of(close, at, null), o.name());
        }
    }
}
