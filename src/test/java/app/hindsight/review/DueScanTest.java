package app.hindsight.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.hindsight.ExpectedLogs;
import app.hindsight.TestClock;
import app.hindsight.notify.Notice;
import app.hindsight.prediction.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The life of a prediction under the due scan, with a clock the test moves: reminded at each lead time,
 * DUE at dueAt, escalated while nobody reviews it; every notice exactly once however often the scan runs.
 */
@QuarkusTest
@TestProfile(SchedulingProfile.class)
class DueScanTest {

    static final Instant DUE_AT = Instant.parse("2031-01-01T00:00:00Z");

    @Inject
    DueScan scan;

    @Test
    void predictionIsRemindedThenFlaggedThenEscalatedEachNoticeOnce() {
        TestClock clock = TestClock.install(Instant.parse("2030-11-01T12:00:00Z"));
        String key = create(TestData.key("life"), "2030-12-31");
        given().get(TestData.PREDICTIONS + "/" + key)
                .then()
                .body("dueAt", equalTo(DUE_AT.toString()))
                .body("nextReviewOn", equalTo("2031-01-01"));

        twice();
        assertEquals(List.of(), notices(key));

        for (String lead : List.of("P30D", "P7D", "P1D")) {
            clock.set(DUE_AT.minus(Duration.parse(lead.replace("P", "P").replace("D", "D")))
                    .plusSeconds(60));
            twice();
        }
        assertEquals(
                List.of(
                        "prediction.upcoming P30D@" + DUE_AT,
                        "prediction.upcoming P7D@" + DUE_AT,
                        "prediction.upcoming P1D@" + DUE_AT),
                notices(key));
        given().get(TestData.PREDICTIONS + "/" + key).then().body("status", equalTo("OPEN"));

        clock.set(DUE_AT.minusSeconds(1));
        twice();
        given().get(TestData.PREDICTIONS + "/" + key).then().body("status", equalTo("OPEN"));

        clock.set(DUE_AT);
        twice();
        given().get(TestData.PREDICTIONS + "/" + key).then().body("status", equalTo("DUE"));
        given().get(TestData.PREDICTIONS + "/" + key + "/history")
                .then()
                .body("items.find { it.type == 'FLAGGED_DUE' }.reason", equalTo("TARGET_REACHED"))
                .body("items.find { it.type == 'FLAGGED_DUE' }.actor", equalTo("scheduler"));
        given().get("/api/v1/reviews")
                .then()
                .statusCode(200)
                .body("items.find { it.prediction == '" + key + "' }.reason", equalTo("TARGET_REACHED"))
                .body("items.find { it.prediction == '" + key + "' }.dueOn", equalTo("2031-01-01"))
                .body("items.find { it.prediction == '" + key + "' }.daysOverdue", equalTo(0));

        for (int week = 1; week <= 6; week++) {
            clock.set(DUE_AT.plus(Duration.ofDays(7L * week)));
            twice();
        }
        List<String> all = notices(key);
        assertEquals(8, all.size(), all.toString());
        assertEquals(
                List.of("review.overdue 1", "review.overdue 2", "review.overdue 3", "review.overdue 4"),
                all.subList(4, 8).stream()
                        .map(n -> n.replaceAll(" review-\\d+#", " "))
                        .toList());
        given().get("/api/v1/reviews")
                .then()
                .body("items.find { it.prediction == '" + key + "' }.remindersSent", equalTo(4))
                .body("items.find { it.prediction == '" + key + "' }.daysOverdue", equalTo(42));
        given().get(TestData.PREDICTIONS + "/" + key + "/history")
                .then()
                .body(
                        "items.type",
                        contains(
                                "CREATED",
                                "REMINDED",
                                "REMINDED",
                                "REMINDED",
                                "FLAGGED_DUE",
                                "ESCALATED",
                                "ESCALATED",
                                "ESCALATED",
                                "ESCALATED"));
        // Every kind of notice names the prediction the same way, with a link a chat bridge can post.
        for (String payload : payloads(key)) {
            io.restassured.path.json.JsonPath data = io.restassured.path.json.JsonPath.from(payload);
            assertEquals(key, data.getString("data.prediction.key"), payload);
            assertEquals("/api/v1/predictions/" + key, data.getString("data.prediction.path"), payload);
            assertEquals(
                    SchedulingProfile.PUBLIC_URL + "/api/v1/predictions/" + key,
                    data.getString("data.prediction.url"),
                    payload);
        }

        given().contentType("application/json")
                .body(Map.of("outcome", "CORRECT", "note", "it happened"))
                .post(TestData.PREDICTIONS + "/" + key + "/resolution")
                .then()
                .statusCode(200);
        given().get("/api/v1/reviews?state=CLOSED")
                .then()
                .body("items.find { it.prediction == '" + key + "' }.closure", equalTo("RESOLVED"))
                .body("items.find { it.prediction == '" + key + "' }.closedBy", equalTo("admin"));
        given().get("/api/v1/reviews").then().body("items.prediction", org.hamcrest.Matchers.not(hasItem(key)));
    }

    @Test
    void afterDowntimeOnlyTheLatestReminderAndEscalationAreSent() {
        TestClock clock = TestClock.install(Instant.parse("2030-11-01T12:00:00Z"));
        String key = create(TestData.key("downtime"), "2030-12-31");

        clock.set(DUE_AT.minus(Duration.ofHours(12)));
        scan.run();
        assertEquals(List.of("prediction.upcoming P1D@" + DUE_AT), notices(key));

        clock.set(DUE_AT.plus(Duration.ofDays(1)));
        scan.run();
        clock.set(DUE_AT.plus(Duration.ofDays(31)));
        scan.run();
        List<String> all = notices(key);
        assertEquals(3, all.size(), all.toString());
        assertEquals("review.overdue 4", all.get(2).replaceAll(" review-\\d+#", " "));
    }

    @Test
    void undatedPredictionComesUpForPeriodicReviewAndDeferralMovesIt() {
        TestClock clock = TestClock.install(Instant.parse("2030-01-10T09:00:00Z"));
        String key = TestData.key("periodic");
        Map<String, Object> body = TestData.prediction(key);
        body.put("target", Map.of("basis", "NONE"));
        body.put("reviewEvery", "P6M");
        given().contentType("application/json")
                .body(body)
                .post(TestData.PREDICTIONS)
                .then()
                .statusCode(201)
                .body("nextReviewOn", equalTo("2030-07-10"));

        clock.set(Instant.parse("2030-07-10T00:00:00Z"));
        scan.run();
        given().get(TestData.PREDICTIONS + "/" + key + "/history")
                .then()
                .body("items.find { it.type == 'FLAGGED_DUE' }.reason", equalTo("PERIODIC_REVIEW"));

        given().contentType("application/json")
                .body(Map.of("until", "2030-08-01", "note", "ask again"))
                .post(TestData.PREDICTIONS + "/" + key + "/deferral")
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"));
        given().get("/api/v1/reviews?state=CLOSED")
                .then()
                .body("items.find { it.prediction == '" + key + "' }.closure", equalTo("DEFERRED"));

        clock.set(Instant.parse("2030-07-31T23:59:00Z"));
        scan.run();
        given().get(TestData.PREDICTIONS + "/" + key).then().body("status", equalTo("OPEN"));
        clock.set(Instant.parse("2030-08-01T00:00:00Z"));
        scan.run();
        scan.run();
        given().get(TestData.PREDICTIONS + "/" + key).then().body("status", equalTo("DUE"));
        assertEquals(2, notices(key).size(), notices(key).toString());
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> Review.count("predictionKey", key)));
    }

    @Test
    void concurrentScansFlagEachPredictionOnce() throws Exception {
        TestClock clock = TestClock.install(Instant.parse("2030-11-01T12:00:00Z"));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add(create(TestData.key("race"), "2030-12-31"));
        }
        clock.set(DUE_AT.plusSeconds(5));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        // The scans collide on the reviews' unique key on purpose: the losers' rolled-back batches are logged.
        try (ExpectedLogs collisions = ExpectedLogs.capture("com.arjuna", "app.hindsight.jobs")) {
            List<Callable<DueScan.Result>> runs = List.of(scan::run, scan::run, scan::run);
            int flagged = 0;
            for (Future<DueScan.Result> f : pool.invokeAll(runs)) {
                flagged += f.get().flagged();
            }
            assertEquals(true, flagged >= keys.size(), "flagged " + flagged);
        } finally {
            pool.shutdown();
        }
        for (String key : keys) {
            assertEquals(
                    List.of("prediction.due"),
                    notices(key).stream().map(n -> n.split(" ")[0]).toList(),
                    key);
            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Review.count("predictionKey", key)));
            given().get(TestData.PREDICTIONS + "/" + key + "/history")
                    .then()
                    .body("items.findAll { it.type == 'FLAGGED_DUE' }.size()", equalTo(1));
        }
    }

    @Test
    void jobsAreListedAndRunOnDemand() {
        TestClock clock = TestClock.install(Instant.parse("2030-11-01T12:00:00Z"));
        String key = create(TestData.key("on-demand"), "2030-12-31");
        clock.set(DUE_AT.plusSeconds(1));
        given().post("/api/v1/jobs/due-scan/runs")
                .then()
                .statusCode(200)
                .body("job", equalTo("due-scan"))
                .body("result.flagged", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("startedAt", equalTo(DUE_AT.plusSeconds(1).toString()));
        given().get(TestData.PREDICTIONS + "/" + key).then().body("status", equalTo("DUE"));
        given().post("/api/v1/jobs/due-scan/runs").then().statusCode(200).body("result.flagged", equalTo(0));
        given().get("/api/v1/jobs")
                .then()
                .statusCode(200)
                .body("nextCursor", nullValue())
                .body("items.find { it.name == 'due-scan' }.schedule", equalTo("cron 0 0 0 1 1 ? 2099"))
                .body("items.find { it.name == 'due-scan' }.nextFireAt", notNullValue())
                .body(
                        "items.find { it.name == 'due-scan' }.nextFireTime",
                        equalTo(given().get("/api/v1/jobs").path("items.find { it.name == 'due-scan' }.nextFireAt")));
        given().post("/api/v1/jobs/no-such-job/runs").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void quartzKeepsTheJobsInTheDatabaseUnderStableNames() throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery("select trigger_name from qrtz_triggers order by trigger_name")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            assertEquals(true, names.stream().anyMatch(n -> n.startsWith("due-scan")), names.toString());
        }
    }

    @Inject
    javax.sql.DataSource dataSource;

    /** Runs the scan twice: the second run must find nothing left to do for what the first did. */
    private void twice() {
        scan.run();
        scan.run();
    }

    private static String create(String key, String targetDate) {
        Map<String, Object> body = TestData.prediction(key);
        body.put("target", Map.of("date", targetDate, "precision", "DAY", "basis", "EXPLICIT"));
        given().contentType("application/json")
                .body(body)
                .post(TestData.PREDICTIONS)
                .then()
                .statusCode(201);
        return key;
    }

    /** This prediction's notices, oldest first, as "kind period". */
    static List<String> payloads(String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Notice.<Notice>list("predictionKey = ?1 order by id", key).stream()
                        .map(n -> n.payload)
                        .toList());
    }

    static List<String> notices(String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Notice.<Notice>list("predictionKey = ?1 order by id", key).stream()
                        .map(n -> n.kind + " " + n.period)
                        .toList());
    }
}
