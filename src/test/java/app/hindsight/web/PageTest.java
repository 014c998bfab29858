package app.hindsight.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import app.hindsight.domain.Paged;

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

    private static List<Long> ids(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }
}
