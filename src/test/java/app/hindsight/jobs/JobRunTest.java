package app.hindsight.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.hindsight.ExpectedLogs;
import app.hindsight.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * POST /jobs/{name}/runs is bounded: a run that ends within the wait answers 200 with what it did, one still going
 * answers 202 with the run to poll, which any replica can answer from the database.
 */
@QuarkusTest
class JobRunTest {

    private static final String RUNS = "/api/v1/jobs/" + HeldJob.NAME + "/runs";
    private static final Instant T0 = Instant.parse("2031-05-01T08:00:00Z");

    @Inject
    HeldJob held;

    @AfterEach
    void letGo() {
        held.reset();
    }

    private static JobRun stored(long id) {
        return QuarkusTransaction.requiringNew().call(() -> JobRun.<JobRun>findById(id));
    }

    @Test
    void aRunThatEndsWithinTheWaitAnswers200WithWhatItDidAndIsKept() {
        // Not the due scan: at a clock in the 2030s it would flag the seeded predictions other tests read.
        TestClock.install(T0);
        Response response = given().post(RUNS);
        response.then()
                .statusCode(200)
                .body("job", equalTo(HeldJob.NAME))
                .body("state", equalTo("SUCCEEDED"))
                .body("startedAt", equalTo(T0.toString()))
                .body("startedBy", equalTo("admin"))
                .body("finishedAt", equalTo(T0.toString()))
                .body("durationMs", greaterThanOrEqualTo(0))
                .body("result.done", equalTo(true))
                .body("error", nullValue());
        int id = response.path("id");
        given().get(RUNS + "/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("SUCCEEDED"))
                .body("result.done", equalTo(true));
        JobRun run = stored(id);
        assertEquals(RunState.SUCCEEDED, run.state);
        assertEquals(HeldJob.NAME, run.job);
        assertEquals("{\"done\":true}", run.result);
    }

    @Test
    void aRunStillGoingAfterTheWaitAnswers202AndIsPolledUntilItEnds() {
        TestClock clock = TestClock.install(T0);
        held.hold(false);
        Response accepted = given().header("Prefer", "respond-async").post(RUNS);
        accepted.then()
                .statusCode(202)
                .header("Location", endsWith(RUNS + "/" + accepted.path("id")))
                .body("job", equalTo(HeldJob.NAME))
                .body("state", equalTo("RUNNING"))
                .body("startedAt", equalTo(T0.toString()))
                .body("finishedAt", nullValue())
                .body("durationMs", nullValue())
                .body("result", nullValue());
        String location = accepted.header("Location");
        int id = accepted.path("id");
        given().get(location).then().statusCode(200).body("state", equalTo("RUNNING"));
        assertEquals(RunState.RUNNING, stored(id).state);

        clock.advance(Duration.ofSeconds(42));
        held.release();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !"RUNNING"
                        .equals(given().get(location)
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("state")));
        given().get(location)
                .then()
                .statusCode(200)
                .body("state", equalTo("SUCCEEDED"))
                .body("result.done", equalTo(true))
                .body("finishedAt", equalTo(T0.plusSeconds(42).toString()))
                .body("durationMs", greaterThanOrEqualTo(0));
        JobRun run = stored(id);
        assertEquals(RunState.SUCCEEDED, run.state);
        assertEquals("{\"done\":true}", run.result);
    }

    @Test
    void preferWaitBoundsHowLongTheRequestIsHeld() {
        TestClock.install(T0);
        held.hold(false);
        long start = System.nanoTime();
        Response accepted = given().header("Prefer", "wait=1").post(RUNS);
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        accepted.then().statusCode(202).body("state", equalTo("RUNNING"));
        assertTrue(waitedMs >= 1000, "waited " + waitedMs + " ms");
        int id = accepted.path("id");
        held.release();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> stored(id).state == RunState.SUCCEEDED);
    }

    @Test
    void aFailedRunSaysSoWithoutItsInnards() {
        TestClock.install(T0);
        held.hold(true);
        held.release();
        try (ExpectedLogs logs = ExpectedLogs.capture(JobRunner.class)) {
            Response response = given().post(RUNS);
            response.then()
                    .statusCode(200)
                    .body("state", equalTo("FAILED"))
                    .body("result", nullValue())
                    .body("error", equalTo("the run failed; the service log has the cause"));
            assertFalse(response.asString().contains("secret detail"), response.asString());
            int id = response.path("id");
            assertEquals(1, logs.messages().size(), logs.messages().toString());
            assertEquals(
                    "ERROR Run " + id + " of job " + HeldJob.NAME + " failed",
                    logs.messages().get(0));
            JobRun run = stored(id);
            assertEquals(RunState.FAILED, run.state);
            assertNull(run.result);
        }
    }

    @Test
    void aRunIsFoundOnlyUnderItsOwnJobAndForAWeekAfterItEnded() {
        TestClock clock = TestClock.install(T0);
        int id = given().post(RUNS).then().statusCode(200).extract().path("id");
        given().get(RUNS + "/" + id).then().statusCode(200);
        given().get("/api/v1/jobs/due-scan/runs/" + id).then().statusCode(404).contentType("application/problem+json");
        given().get(RUNS + "/not-a-number").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/jobs/no-such-job/runs/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("job 'no-such-job' does not exist"));

        clock.advance(JobRunner.KEPT.plusSeconds(1));
        int later = given().post(RUNS).then().statusCode(200).extract().path("id");
        given().get(RUNS + "/" + id).then().statusCode(404);
        given().get(RUNS + "/" + later).then().statusCode(200);
    }

    @Test
    void preferencesAreReadAsRfc7240Hints() {
        Duration otherwise = Duration.ofSeconds(10);
        assertEquals(otherwise, JobResource.wait(null, otherwise));
        assertEquals(Duration.ZERO, JobResource.wait("respond-async", otherwise));
        assertEquals(Duration.ofSeconds(5), JobResource.wait("respond-async, wait=5", otherwise));
        assertEquals(Duration.ofSeconds(3), JobResource.wait("handling=lenient, WAIT = 3", otherwise));
        assertEquals(JobResource.MAX_WAIT, JobResource.wait("wait=3600", otherwise));
        assertEquals(otherwise, JobResource.wait("wait=soon", otherwise));
        assertEquals(otherwise, JobResource.wait("return=minimal", otherwise));
    }
}
