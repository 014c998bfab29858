package app.hindsight.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import app.hindsight.prediction.model.Status;
import app.hindsight.prediction.model.Transition;
import app.hindsight.prediction.model.TransitionRefused;
import app.hindsight.prediction.store.ScanBudgetExceeded;
import app.hindsight.prediction.store.ScanTimedOut;
import app.hindsight.seed.InvalidImport;
import app.hindsight.shared.ConcurrentChange;
import app.hindsight.shared.Conflict;
import app.hindsight.shared.FieldError;
import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.NotFound;
import app.hindsight.shared.StaleVersion;
import app.hindsight.shared.TooLarge;
import app.hindsight.shared.Unavailable;

/**
 * Every exception the domain throws, as the whole problem document a client reads (type, title, status, detail,
 * errors, currentStatus) and the headers that go with it. Plain JUnit: the mapper is called as JAX-RS would.
 */
class DomainProblemsTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void invalidInputNamesEachField() {
        FieldError blank = new FieldError("statement", "must not be blank");
        FieldError size = new FieldError("topics", "size must be between 0 and 20");
        assertProblem(
                mapper.domain(InvalidInput.of("statement", "must not be blank"), null),
                400,
                "invalid-request",
                "The request is not valid",
                "statement: must not be blank",
                List.of(blank),
                null);
        assertProblem(
                mapper.domain(new InvalidInput(List.of(blank, size)), null),
                400,
                "invalid-request",
                "The request is not valid",
                "2 fields are invalid",
                List.of(blank, size),
                null);
    }

    @Test
    void notFound() {
        assertProblem(
                mapper.domain(new NotFound("prediction", "no-such-key"), null),
                404,
                "not-found",
                "Not found",
                "prediction 'no-such-key' does not exist",
                List.of(),
                null);
    }

    @Test
    void aConflictIsTypedByItsCode() {
        assertProblem(
                mapper.domain(new Conflict("duplicate-key", "a source with key 'x' already exists"), null),
                409,
                "duplicate-key",
                "Conflict",
                "a source with key 'x' already exists",
                List.of(),
                null);
    }

    @Test
    void aRefusedTransitionNamesTheCurrentStatus() {
        assertProblem(
                mapper.domain(new TransitionRefused(Transition.RESOLVE, Status.WITHDRAWN), null),
                409,
                "invalid-transition",
                "Transition not allowed",
                "cannot resolve a prediction whose status is WITHDRAWN",
                List.of(),
                "WITHDRAWN");
    }

    @Test
    void aStaleVersionNamesTheCurrentETag() {
        assertProblem(
                mapper.domain(new StaleVersion(7, null), null),
                412,
                "precondition-failed",
                "Stale ETag",
                "the prediction was changed since your copy; its current ETag is \"7\"",
                List.of(),
                null);
        assertProblem(
                mapper.domain(new StaleVersion(3, null, "transcript"), null),
                412,
                "precondition-failed",
                "Stale ETag",
                "the transcript was changed since your copy; its current ETag is \"3\"",
                List.of(),
                null);
        // The domain words the ETag as the web layer issues it.
        assertTrue(new StaleVersion(12, null).getMessage().endsWith(ETags.of(12)));
    }

    @Test
    void aWeakTagIsToldItNeverMatches() {
        assertProblem(
                mapper.domain(new StaleVersion(7, "W/\"7\""), null),
                412,
                "weak-etag",
                "Weak ETag",
                "If-Match compares entity tags strongly (RFC 9110), so the weak tag W/\"7\" never matches; send the "
                        + "ETag exactly as a GET returned it, without W/",
                List.of(),
                null);
    }

    @Test
    void aConcurrentChangeIsStaleForAWriterThatNamedItsVersionAndAConflictOtherwise() {
        assertProblem(
                mapper.domain(new ConcurrentChange(true), null),
                412,
                "precondition-failed",
                "Stale ETag",
                "the prediction was changed by another request while this one ran; GET it again for its current ETag",
                List.of(),
                null);
        assertProblem(
                mapper.domain(new ConcurrentChange(false), null),
                409,
                "concurrent-modification",
                "Conflict",
                "the record was changed by another request at the same time; read it again and retry",
                List.of(),
                null);
    }

    @Test
    void anUnavailableServiceSaysWhenToRetry() {
        Response r = mapper.domain(new Unavailable("the mail server is out of reach", 60), null);
        assertProblem(
                r, 503, "unavailable", "Service unavailable", "the mail server is out of reach", List.of(), null, "60");
    }

    @Test
    void tooLarge() {
        assertProblem(
                mapper.domain(new TooLarge("the transcript is over 2 MB"), null),
                413,
                "body-too-large",
                "Request body too large",
                "the transcript is over 2 MB",
                List.of(),
                null);
    }

    @Test
    void anInvalidImportNamesEachItem() {
        List<FieldError> errors = List.of(
                new FieldError("statement", "must not be blank").at(0),
                new FieldError("key", "must be lower-case letters, digits and single hyphens").at(2),
                new FieldError("kind", "must not be null").at(2));
        assertProblem(
                mapper.domain(new InvalidImport(errors), null),
                422,
                "invalid-import",
                "The import is not valid",
                "2 item(s) are invalid; nothing was imported",
                errors,
                null);
    }

    @Test
    void overTheScanBudget() {
        assertProblem(
                mapper.domain(new ScanBudgetExceeded(200000), null),
                422,
                "too-costly",
                "Query too costly",
                "finding this page would examine more than 200000 predictions, more than one request may: add a "
                        + "filter that narrows the search (topic, speaker, source, kind, status or a short dueBefore/"
                        + "dueAfter range), or export every match with Accept: text/csv or application/x-ndjson",
                List.of(),
                null);
    }

    @Test
    void aScanOutOfTimeAlsoWhenACommitWrapsIt() {
        String detail =
                "finding this page took longer than 10.0 s; the service is busy; retry shortly, or narrow the filters";
        ScanTimedOut timedOut = new ScanTimedOut(Duration.ofSeconds(10));
        assertProblem(mapper.domain(timedOut, null), 503, "overloaded", "Service busy", detail, List.of(), null, "5");
        assertProblem(
                mapper.unexpected(new RuntimeException(timedOut), null),
                503,
                "overloaded",
                "Service busy",
                detail,
                List.of(),
                null,
                "5");
    }

    private static void assertProblem(
            Response r,
            int status,
            String type,
            String title,
            String detail,
            List<FieldError> errors,
            String currentStatus) {
        assertProblem(r, status, type, title, detail, errors, currentStatus, null);
    }

    private static void assertProblem(
            Response r,
            int status,
            String type,
            String title,
            String detail,
            List<FieldError> errors,
            String currentStatus,
            String retryAfter) {
        assertEquals(status, r.getStatus());
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        assertEquals(
                new Problem(
                        URI.create("/problems/" + type), title, status, detail, null, errors, currentStatus, List.of()),
                r.getEntity());
        assertEquals(retryAfter, r.getHeaderString("Retry-After"));
        assertNull(r.getHeaderString("WWW-Authenticate"));
    }
}
