package app.hindsight.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import app.hindsight.prediction.store.ScanBudgetExceeded;
import app.hindsight.prediction.store.ScanTimedOut;

/**
 * The bounds of a list page as problem documents: over budget is the client's to narrow (422), out of time or a
 * statement the database cancelled is a busy service (503 with Retry-After). Never a 500.
 */
class ScanLimitProblemsTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void overTheScanBudgetIsA422() {
        Response r = mapper.domain(new ScanBudgetExceeded(200000), null);
        Problem p = (Problem) r.getEntity();
        assertEquals(422, r.getStatus());
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        assertEquals("/problems/too-costly", p.type().toString());
        assertEquals(422, p.status());
        assertNull(r.getHeaderString("Retry-After"));
    }

    @Test
    void aScanOutOfTimeIsA503WithRetryAfter() {
        Response r = mapper.domain(new ScanTimedOut(Duration.ofSeconds(10)), null);
        assertBusy(
                r,
                "finding this page took longer than 10.0 s; the service is busy; retry shortly, or narrow "
                        + "the filters");
    }

    @Test
    void aStatementTheDatabaseCancelledIsA503WithRetryAfter() {
        assertBusy(
                mapper.queryTimeout(new jakarta.persistence.QueryTimeoutException("cancelled"), null),
                "the database took too long to answer; retry shortly, or narrow the filters");
        // Wrapped, as a failed commit delivers it.
        assertBusy(
                mapper.unexpected(
                        new RuntimeException(new org.hibernate.QueryTimeoutException("cancelled", null, "select 1")),
                        null),
                "the database took too long to answer; retry shortly, or narrow the filters");
    }

    private static void assertBusy(Response r, String detail) {
        Problem p = (Problem) r.getEntity();
        assertEquals(503, r.getStatus());
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        assertEquals(String.valueOf(ProblemMapper.SCAN_RETRY_AFTER), r.getHeaderString("Retry-After"));
        assertEquals("/problems/overloaded", p.type().toString());
        assertEquals(detail, p.detail());
    }
}
