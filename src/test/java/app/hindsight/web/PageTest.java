package app.hindsight.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import app.hindsight.shared.Paged;

/** Paging every list shares (the domain cuts the page, the web gives it a cursor): plain code, no server. */
class PageTest {

    @Test
    void rowsBeyondTheLimitMakeANextCursorAfterTheLastItemShown() {
        Page<Long> page = Page.of(Paged.of(ids(1, 4), 3, id -> id));
        assertEquals(List.of(1L, 2L, 3L), page.items());
        assertEquals(Cursor.after(3), page.nextCursor());
        assertEquals(3, Cursor.decode(page.nextCursor()));
    }

    @Test
    void noMoreRowsThanTheLimitIsTheLastPage() {
        assertNull(Page.of(Paged.of(ids(1, 3), 3, id -> id)).nextCursor());
        assertEquals(List.of(), Page.of(Paged.of(List.<Long>of(), 3, id -> id)).items());
    }

    @Test
    void mapKeepsTheCursor() {
        Page<String> page = Page.of(Paged.of(ids(7, 9), 2, id -> id).map(id -> "#" + id));
        assertEquals(List.of("#7", "#8"), page.items());
        assertEquals(Cursor.after(8), page.nextCursor());
    }

    @Test
    void limitIsOneToFiveHundredFiftyByDefault() {
        assertEquals(Page.DEFAULT_LIMIT, Page.limit(null));
        assertEquals(50, Page.limit(""));
        assertEquals(1, Page.limit("1"));
        assertEquals(500, Page.limit("500"));
        for (String bad : List.of("0", "501", "-1", "ten", "1.5")) {
            assertThrows(ApiException.class, () -> Page.limit(bad), bad);
        }
    }

    @Test
    void aListKeptByDayHasACursorWithTheLastItemsDayAndId() {
        record Row(LocalDate on, long id) {}
        List<Row> rows = List.of(
                new Row(LocalDate.parse("2026-03-01"), 9),
                new Row(LocalDate.parse("2026-03-01"), 12),
                new Row(LocalDate.parse("2026-04-01"), 3));
        Page<Row> page = Page.of(Paged.of(rows, 2, Row::id), Row::on, Row::id);
        assertEquals(rows.subList(0, 2), page.items());
        assertEquals(new Cursor.Position<>(LocalDate.parse("2026-03-01"), 12), Cursor.dayPosition(page.nextCursor()));
        assertNull(Page.of(Paged.of(rows, 3, Row::id), Row::on, Row::id).nextCursor());
        assertNull(Cursor.dayPosition(null));

        Instant at = Instant.parse("2026-11-29T10:00:00.123456Z");
        assertEquals(new Cursor.Position<>(at, 7), Cursor.instantPosition(Cursor.after(at, 7)));
    }

    @Test
    void aCursorOfAnotherKindOrTamperedWithIsRefused() {
        for (String bad : List.of(
                Cursor.after(5),
                Cursor.after("2026-02-30", 5),
                Cursor.after("2026-03-01", -1),
                Cursor.after("2026-11-29T10:00:00Z", 5),
                "%%%",
                "YXQ6")) {
            assertThrows(ApiException.class, () -> Cursor.dayPosition(bad), bad);
        }
        assertThrows(ApiException.class, () -> Cursor.instantPosition(Cursor.after("2026-03-01", 5)));
        assertThrows(ApiException.class, () -> Cursor.decode(Cursor.after("2026-03-01", 5)));
    }

    private static List<Long> ids(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }
}
