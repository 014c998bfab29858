package app.hindsight.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.hindsight.prediction.model.Basis;
import app.hindsight.prediction.model.Kind;
import app.hindsight.prediction.model.PredictionView;
import app.hindsight.prediction.model.Status;
import app.hindsight.prediction.model.Target;
import app.hindsight.prediction.store.PredictionFilter;

/** The parts of the feed that need no server: folding by octets, text clean-up, status narrowing. */
class IcsWriterTest {

    @Test
    void foldsByOctetsAndNeverInsideACharacter() throws IOException {
        // 3-octet CJK, 4-octet emoji (a surrogate pair in Java) and ASCII, so folds land at every offset.
        String value = ("到2027年底😀ab,").repeat(40);
        String line = "DESCRIPTION:" + value;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IcsWriter.line(out, line);
        byte[] bytes = out.toByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertTrue(text.endsWith("\r\n"));
        String[] parts = text.substring(0, text.length() - 2).split("\r\n", -1);
        assertTrue(parts.length > 5);
        for (int i = 0; i < parts.length; i++) {
            int octets = parts[i].getBytes(StandardCharsets.UTF_8).length;
            assertTrue(octets <= 75, "part " + i + " has " + octets + " octets");
            assertTrue(i == 0 || parts[i].startsWith(" "), "continuations start with a space");
            assertTrue(octets >= 72 || i == parts.length - 1, "folds no earlier than needed: " + octets);
        }
        // Valid UTF-8 throughout (no split sequence became U+FFFD), and unfolding gives the line back.
        assertTrue(!text.contains("\uFFFD"));
        assertEquals(line, text.substring(0, text.length() - 2).replace("\r\n ", ""));
    }

    @Test
    void shortLinesAreLeftAlone() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String seventyFive = "SUMMARY:" + "x".repeat(67);
        IcsWriter.line(out, seventyFive);
        assertEquals(seventyFive + "\r\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void textLosesBareCarriageReturnsAndControlCharacters() {
        assertEquals("a\nb\nc\td", CalendarFeed.text("a\r\nb\rc\u0007\td"));
    }

    @Test
    void predictionWithoutAnyDateHasNoEvent() {
        PredictionView undated = new PredictionView(
                "no-date",
                "A statement.",
                Kind.STANCE,
                null,
                null,
                null,
                null,
                List.of(),
                Target.none(),
                Period.ofMonths(6),
                null,
                null,
                null,
                null,
                Status.DUE,
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                0);
        assertNull(CalendarFeed.event(undated, null));
        PredictionView reviewed = new PredictionView(
                "reviewed",
                "A statement.",
                Kind.STANCE,
                null,
                null,
                null,
                null,
                List.of(),
                Target.none(),
                Period.ofMonths(6),
                null,
                LocalDate.of(2026, 8, 1),
                null,
                null,
                Status.OPEN,
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                0);
        assertEquals(
                "Review: A statement.",
                CalendarFeed.event(reviewed, null)
                        .getProperty("SUMMARY")
                        .orElseThrow()
                        .getValue());
        assertEquals(Basis.NONE, reviewed.target().basis());
    }

    @Test
    void reviewOnTheLastDayOfYear9999EndsWithoutAFiveDigitYear() {
        // 9999-12-31 is the last date Hindsight accepts (a deferral's until); the day after has five digits.
        PredictionView deferred = new PredictionView(
                "last-day",
                "A statement.",
                Kind.STANCE,
                null,
                null,
                null,
                null,
                List.of(),
                Target.none(),
                Period.ofMonths(6),
                null,
                LocalDate.of(9999, 12, 31),
                null,
                null,
                Status.OPEN,
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                0);
        String event = CalendarFeed.event(deferred, null).toString();
        assertTrue(event.contains("DTSTART;VALUE=DATE:99991231\r\n"), event);
        assertTrue(event.contains("DURATION:P1D\r\n"), event);
        assertTrue(!event.contains("DTEND"), event);
    }

    @Test
    void statusFilterIsNarrowedToOpenAndDue() {
        assertEquals(
                List.of(Status.OPEN, Status.DUE),
                CalendarFeed.onlyListed(filter()).statuses());
        assertEquals(
                List.of(Status.DUE),
                CalendarFeed.onlyListed(filter(Status.RESOLVED, Status.DUE)).statuses());
        assertNull(CalendarFeed.onlyListed(filter(Status.RESOLVED, Status.WITHDRAWN)));
    }

    private static PredictionFilter filter(Status... statuses) {
        return new PredictionFilter(List.of(statuses), null, "t", null, null, null, null, null, null, null, null);
    }
}
