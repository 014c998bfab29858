package app.hindsight.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import app.hindsight.prediction.model.Status;

/** When the due scan flags a prediction: plain code, no server. */
class FlagPolicyTest {

    static final LocalDate DAY = LocalDate.parse("2031-01-01");
    static final FlagPolicy UTC = new FlagPolicy(ZoneOffset.UTC);

    @Test
    void openPredictionIsFlaggedFromTheStartOfItsReviewDay() {
        assertFalse(UTC.isDue(Status.OPEN, DAY, Instant.parse("2030-12-31T23:59:59Z")));
        assertTrue(UTC.isDue(Status.OPEN, DAY, Instant.parse("2031-01-01T00:00:00Z")));
        assertTrue(UTC.isDue(Status.OPEN, DAY, Instant.parse("2031-03-01T12:00:00Z")), "a day missed is still due");
    }

    @Test
    void onlyOpenPredictionsWithAReviewDayAreFlagged() {
        Instant later = Instant.parse("2031-06-01T00:00:00Z");
        for (Status status : Status.values()) {
            assertEquals(status == Status.OPEN, UTC.isDue(status, DAY, later), status.name());
        }
        assertFalse(UTC.isDue(Status.OPEN, null, later), "nothing to review: never due");
    }

    @Test
    void theDayStartsInTheServiceZone() {
        FlagPolicy berlin = new FlagPolicy(ZoneId.of("Europe/Berlin"));
        Instant lateEvening = Instant.parse("2030-12-31T23:30:00Z");
        assertEquals(DAY, berlin.today(lateEvening));
        assertTrue(berlin.isDue(Status.OPEN, DAY, lateEvening));
        assertFalse(UTC.isDue(Status.OPEN, DAY, lateEvening));
    }

    @Test
    void cycleNamesTheOccasionByDayAndVersion() {
        assertEquals("2031-01-01/v3", FlagPolicy.cycle(DAY, 3));
        assertEquals(FlagPolicy.cycle(DAY, 3), FlagPolicy.cycle(DAY, 3), "two scanners agree");
        assertNotEquals(FlagPolicy.cycle(DAY, 3), FlagPolicy.cycle(DAY, 5), "a later occasion differs");
    }
}
