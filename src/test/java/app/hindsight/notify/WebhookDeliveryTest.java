package app.hindsight.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.ExpectedLogs;
import app.hindsight.HindsightConfig;
import app.hindsight.TestClock;
import app.hindsight.outbox.Outbox;
import app.hindsight.prediction.TestData;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Notices reach subscribed receivers: real HTTP to a local receiver that checks every signature itself,
 * with the clock moved through the backoff steps and each delivery round called directly.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final String WEBHOOKS = "/api/v1/webhooks";
    private static final Instant T0 = Instant.parse("2031-03-01T09:00:00Z");

    @Inject
    Notices notices;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookDelivery job;

    @Inject
    HindsightConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    ObjectMapper json;

    private final List<Integer> subscriptions = new ArrayList<>();
    private final List<Receiver> receivers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        // Deleting a subscription deletes its deliveries: nothing is left for another test's rounds.
        subscriptions.forEach(id -> given().header("Authorization", "Bearer " + AdminTokenByDefault.ADMIN_TOKEN)
                .delete(WEBHOOKS + "/" + id)
                .then()
                .statusCode(204));
        receivers.forEach(Receiver::close);
    }

    private Receiver receiver(java.util.function.IntUnaryOperator statuses) throws IOException {
        return receiver(Receiver.answering(statuses));
    }

    private Receiver receiver(Receiver r) {
        receivers.add(r);
        return r;
    }

    /** Subscribes the receiver through the API and hands it the secret. */
    private int subscribe(Receiver receiver, String... eventTypes) {
        var created = given().contentType("application/json")
                .body(Map.of("url", receiver.url(), "eventTypes", List.of(eventTypes), "description", "test receiver"))
                .post(WEBHOOKS)
                .then()
                .statusCode(201)
                .extract();
        receiver.secret(created.path("secret"));
        return track(created.path("id"));
    }

    private int subscribe(String url, String... eventTypes) {
        return track(given().contentType("application/json")
                .body(Map.of("url", url, "eventTypes", List.of(eventTypes)))
                .post(WEBHOOKS)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    private int track(int id) {
        subscriptions.add(id);
        return id;
    }

    /** A notice as the due scan would write it, in a transaction of its own. */
    private Notice publish(String kind, String predictionKey, Instant at) {
        return QuarkusTransaction.requiringNew()
                .call(() -> notices.publish(
                        kind,
                        predictionKey,
                        "test-" + TestData.uid(),
                        at,
                        json.createObjectNode().put("key", predictionKey)));
    }

    private static JsonPath deliveries(int webhookId) {
        return given().get(WEBHOOKS + "/" + webhookId + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private double count(String outcome) {
        Counter c = registry.find("hindsight.webhook.deliveries")
                .tag("outcome", outcome)
                .counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void failedAttemptsAreRetriedAfterEachBackoffUntilDelivered() throws IOException {
        TestClock clock = TestClock.install(T0);
        Receiver receiver = receiver(n -> n <= 3 ? 500 : 204);
        int webhook = subscribe(receiver, Notice.DUE);
        String key = TestData.key("hooked");
        Notice notice = publish(Notice.DUE, key, T0);
        double deliveredBefore = count("delivered");
        double retriedBefore = count("retried");

        List<Duration> backoff = config.webhooks().backoff();
        List<Long> sentAt = new ArrayList<>();
        sentAt.add(clock.instant().getEpochSecond());
        dispatcher.deliverDue();
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, receiver.requests().size(), "before step " + i);
            clock.advance(backoff.get(i).minusSeconds(1));
            dispatcher.deliverDue();
            assertEquals(i + 1, receiver.requests().size(), "a second early is too early");
            clock.advance(Duration.ofSeconds(1));
            sentAt.add(clock.instant().getEpochSecond());
            dispatcher.deliverDue();
        }
        for (Duration later : backoff) {
            clock.advance(later);
            dispatcher.deliverDue();
        }

        List<Receiver.Request> requests = receiver.requests();
        assertEquals(4, requests.size());
        for (int i = 0; i < requests.size(); i++) {
            Receiver.Request r = requests.get(i);
            assertTrue(r.signatureValid(), "signature of request " + (i + 1));
            assertEquals("msg_" + notice.id, r.webhookId());
            assertEquals(String.valueOf(sentAt.get(i)), r.timestamp());
            assertTrue(r.contentType().startsWith("application/json"), r.contentType());
            assertEquals(notice.payload, r.body());
        }
        JsonPath payload = JsonPath.from(requests.get(0).body());
        assertEquals(Notice.DUE, payload.getString("type"));
        assertEquals(T0.toString(), payload.getString("timestamp"));
        assertEquals(key, payload.getString("data.key"));

        JsonPath log = deliveries(webhook);
        assertEquals(1, log.getList("items").size());
        assertEquals("msg_" + notice.id, log.getString("items[0].messageId"));
        assertEquals(Notice.DUE, log.getString("items[0].eventType"));
        assertEquals(key, log.getString("items[0].prediction"));
        assertEquals(key, log.getString("items[0].predictionKey"), "the deprecated name, for one release");
        assertEquals("DELIVERED", log.getString("items[0].status"));
        assertNull(log.get("items[0].nextAttemptAt"));
        assertEquals(Instant.ofEpochSecond(sentAt.get(3)), Instant.parse(log.getString("items[0].deliveredAt")));
        assertEquals(List.of(1, 2, 3, 4), log.getList("items[0].attempts.attempt"));
        assertEquals(List.of(500, 500, 500, 204), log.getList("items[0].attempts.statusCode"));
        for (int i = 0; i < 4; i++) {
            assertEquals(
                    Instant.ofEpochSecond(sentAt.get(i)),
                    Instant.parse(log.getString("items[0].attempts[" + i + "].at")));
            assertTrue(log.getLong("items[0].attempts[" + i + "].durationMs") >= 0);
            assertNull(log.get("items[0].attempts[" + i + "].error"));
        }
        assertEquals(1, count("delivered") - deliveredBefore);
        assertEquals(3, count("retried") - retriedBefore);
        given().get(WEBHOOKS + "/" + webhook)
                .then()
                .body("enabled", equalTo(true))
                .body("consecutiveFailures", equalTo(0));
    }

    @Test
    void deliveryFailsWhenRetriesRunOutAndTheSubscriptionIsDisabledAfterEnoughFailures() throws IOException {
        TestClock clock = TestClock.install(T0);
        Receiver receiver = receiver(n -> 503);
        int webhook = subscribe(receiver, Notice.DUE, Notice.OVERDUE);
        int disableAfter = config.webhooks().disableAfter();
        List<Duration> backoff = config.webhooks().backoff();
        for (int i = 0; i < disableAfter; i++) {
            publish(i % 2 == 0 ? Notice.DUE : Notice.OVERDUE, TestData.key("failing"), T0);
        }
        double failedBefore = count("failed");

        DeliveryRound first = dispatcher.deliverDue();
        assertTrue(first.attempted() >= disableAfter, first.toString());
        // A later notice, one step behind the others: still PENDING when the subscription is disabled.
        clock.advance(backoff.get(0));
        Notice late = publish(Notice.DUE, TestData.key("late"), clock.instant());
        dispatcher.deliverDue();
        try (ExpectedLogs logs = ExpectedLogs.capture(DeliveryChannel.class)) {
            for (int step = 1; step < backoff.size(); step++) {
                clock.advance(backoff.get(step));
                dispatcher.deliverDue();
            }
            assertEquals(
                    disableAfter + 1, logs.messages().size(), logs.messages().toString());
            assertTrue(
                    logs.messages().get(disableAfter).startsWith("WARN Webhook " + webhook + " disabled: "),
                    logs.messages().toString());
        }
        int attemptsEach = backoff.size() + 1;
        assertEquals(
                disableAfter * attemptsEach + attemptsEach - 1,
                receiver.requests().size());
        assertTrue(receiver.requests().stream().allMatch(Receiver.Request::signatureValid));

        given().get(WEBHOOKS + "/" + webhook)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false))
                .body("consecutiveFailures", equalTo(disableAfter))
                .body("disabledAt", equalTo(clock.instant().toString()))
                .body(
                        "disabledReason",
                        equalTo(disableAfter + " deliveries in a row failed; the last attempt: HTTP 503"));
        assertEquals(disableAfter, count("failed") - failedBefore);

        JsonPath log = deliveries(webhook);
        assertEquals(disableAfter + 1, log.getList("items").size());
        assertEquals("msg_" + late.id, log.getString("items[0].messageId"), "newest first");
        assertEquals("PENDING", log.getString("items[0].status"));
        assertEquals(attemptsEach - 1, log.getList("items[0].attempts").size());
        for (int i = 1; i <= disableAfter; i++) {
            assertEquals("FAILED", log.getString("items[" + i + "].status"));
            assertNull(log.get("items[" + i + "].nextAttemptAt"));
            assertEquals(attemptsEach, log.getList("items[" + i + "].attempts").size());
            assertTrue(
                    log.getList("items[" + i + "].attempts.statusCode").stream().allMatch(c -> c.equals(503)));
        }
        JsonPath failedOnly = given().queryParam("status", "FAILED")
                .get(WEBHOOKS + "/" + webhook + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(disableAfter, failedOnly.getList("items").size());

        // Disabled: its pending delivery is not attempted, and new notices make no deliveries for it.
        int received = receiver.requests().size();
        publish(Notice.DUE, TestData.key("after-disable"), clock.instant());
        for (Duration later : backoff) {
            clock.advance(later);
            dispatcher.deliverDue();
        }
        assertEquals(received, receiver.requests().size());
        assertEquals(disableAfter + 1, deliveries(webhook).getList("items").size());
        assertEquals("PENDING", deliveries(webhook).getString("items[0].status"));
    }

    @Test
    void aDeliveredNoticeResetsTheFailureCount() throws IOException {
        TestClock clock = TestClock.install(T0);
        // Fails the first delivery's eight attempts, then accepts.
        int attemptsEach = config.webhooks().backoff().size() + 1;
        Receiver receiver = receiver(n -> n <= attemptsEach ? 500 : 200);
        int webhook = subscribe(receiver, Notice.UPCOMING);
        publish(Notice.UPCOMING, TestData.key("first"), T0);
        dispatcher.deliverDue();
        try (ExpectedLogs logs = ExpectedLogs.capture(DeliveryChannel.class)) {
            for (Duration step : config.webhooks().backoff()) {
                clock.advance(step);
                dispatcher.deliverDue();
            }
            assertEquals(1, logs.messages().size(), logs.messages().toString());
            assertTrue(
                    logs.messages().get(0).contains("FAILED after " + attemptsEach + " attempts"),
                    logs.messages().toString());
        }
        given().get(WEBHOOKS + "/" + webhook)
                .then()
                .body("consecutiveFailures", equalTo(1))
                .body("enabled", equalTo(true));

        publish(Notice.UPCOMING, TestData.key("second"), clock.instant());
        dispatcher.deliverDue();
        assertEquals(attemptsEach + 1, receiver.requests().size());
        given().get(WEBHOOKS + "/" + webhook).then().body("consecutiveFailures", equalTo(0));
        assertEquals(List.of("DELIVERED", "FAILED"), deliveries(webhook).getList("items.status"));
    }

    @Test
    void aSubscriptionReceivesOnlyTheKindsItAskedFor() throws IOException {
        TestClock.install(T0);
        Receiver dueOnly = receiver(n -> 204);
        Receiver overdueOnly = receiver(n -> 204);
        int due = subscribe(dueOnly, Notice.DUE);
        int overdue = subscribe(overdueOnly, Notice.OVERDUE);

        Notice escalation = publish(Notice.OVERDUE, TestData.key("escalated"), T0);
        dispatcher.deliverDue();

        assertEquals(0, dueOnly.requests().size());
        assertEquals(List.of(), deliveries(due).getList("items"));
        assertEquals(1, overdueOnly.requests().size());
        assertEquals("msg_" + escalation.id, overdueOnly.requests().get(0).webhookId());
        assertEquals(Notice.OVERDUE, deliveries(overdue).getString("items[0].eventType"));
        assertEquals("DELIVERED", deliveries(overdue).getString("items[0].status"));
    }

    @Test
    void aLaterSubscriptionDoesNotReceiveOlderNotices() throws IOException {
        TestClock.install(T0);
        publish(Notice.DUE, TestData.key("before"), T0);
        Receiver receiver = receiver(n -> 204);
        int webhook = subscribe(receiver, Notice.DUE);
        dispatcher.deliverDue();
        assertEquals(0, receiver.requests().size());
        assertEquals(List.of(), deliveries(webhook).getList("items"));

        Notice after = publish(Notice.DUE, TestData.key("after"), T0);
        dispatcher.deliverDue();
        assertEquals(
                List.of("msg_" + after.id),
                receiver.requests().stream().map(Receiver.Request::webhookId).toList());
    }

    @Test
    void aRefusedConnectionIsLoggedWithItsErrorAndNoStatusCode() throws IOException {
        TestClock clock = TestClock.install(T0);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int webhook = subscribe("http://127.0.0.1:" + closedPort + "/hook", Notice.DUE);
        publish(Notice.DUE, TestData.key("refused"), T0);

        dispatcher.deliverDue();

        JsonPath log = deliveries(webhook);
        assertEquals("PENDING", log.getString("items[0].status"));
        assertEquals(1, log.getList("items[0].attempts").size());
        assertNull(log.get("items[0].attempts[0].statusCode"));
        String error = log.getString("items[0].attempts[0].error");
        assertNotNull(error);
        assertTrue(error.startsWith("could not connect"), error);
        assertTrue(log.getLong("items[0].attempts[0].durationMs") >= 0);
        assertEquals(
                T0.plus(config.webhooks().backoff().get(0)), Instant.parse(log.getString("items[0].nextAttemptAt")));
        clock.advance(Duration.ofSeconds(1));
        dispatcher.deliverDue();
        assertEquals(1, deliveries(webhook).getList("items[0].attempts").size(), "not before the backoff");
    }

    @Test
    void deletingASubscriptionDeletesItsDeliveries() throws IOException {
        TestClock.install(T0);
        Receiver receiver = receiver(n -> 500);
        int webhook = subscribe(receiver, Notice.DUE);
        publish(Notice.DUE, TestData.key("deleted"), T0);
        dispatcher.deliverDue();
        assertEquals(1, receiver.requests().size());

        given().delete(WEBHOOKS + "/" + webhook).then().statusCode(204);
        subscriptions.remove(Integer.valueOf(webhook));

        long left = QuarkusTransaction.requiringNew()
                .call(() -> Delivery.count("webhook.id", (long) webhook)
                        + WebhookAttempt.count("delivery.webhook.id", (long) webhook));
        assertEquals(0, left);
        TestClock.install(T0.plus(Duration.ofDays(30)));
        dispatcher.deliverDue();
        assertEquals(1, receiver.requests().size());
    }

    @Test
    void roundsRunningAtOnceMakeEachAttemptOnce() throws Exception {
        TestClock.install(T0);
        Receiver receiver = receiver(n -> 204);
        int webhook = subscribe(receiver, Notice.DUE);
        for (int i = 0; i < 5; i++) {
            publish(Notice.DUE, TestData.key("raced"), T0);
        }
        CountDownLatch start = new CountDownLatch(1);
        Callable<DeliveryRound> round = () -> {
            start.await();
            return dispatcher.deliverDue();
        };
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Future<DeliveryRound> a = replicas.submit(round);
            Future<DeliveryRound> b = replicas.submit(round);
            start.countDown();
            a.get();
            b.get();
        } finally {
            replicas.shutdown();
        }

        assertEquals(5, receiver.requests().size());
        assertEquals(
                5,
                receiver.requests().stream()
                        .map(Receiver.Request::webhookId)
                        .distinct()
                        .count());
        JsonPath log = deliveries(webhook);
        assertEquals(
                List.of("DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED"), log.getList("items.status"));
        for (int i = 0; i < 5; i++) {
            assertEquals(List.of(1), log.getList("items[" + i + "].attempts.attempt"));
        }
    }

    @Test
    void theClaimOfAnAttemptSucceedsOnce() throws IOException {
        TestClock.install(T0);
        Receiver receiver = receiver(n -> 204);
        int webhook = subscribe(receiver, Notice.DUE);
        publish(Notice.DUE, TestData.key("claimed"), T0);

        WebhookDispatcher.Lane lane = QuarkusTransaction.requiringNew()
                .call(() -> dispatcher.lanes().stream()
                        .filter(l -> l.webhookId() == webhook)
                        .findFirst()
                        .orElseThrow());
        List<Outbox.Claim<WebhookSender.Post>> first =
                QuarkusTransaction.requiringNew().call(() -> dispatcher.claim(T0, lane, 10));
        assertEquals(1, first.size());
        assertEquals(1, first.get(0).attempt());
        // A replica that read the same row before the claim: its conditional update finds a newer version.
        int stale = QuarkusTransaction.requiringNew()
                .call(() -> Delivery.update(
                        "attempts = attempts + 1, version = version + 1 where id = ?1 and version = ?2",
                        first.get(0).id(),
                        first.get(0).version() - 1));
        assertEquals(0, stale);
        List<Outbox.Claim<WebhookSender.Post>> again =
                QuarkusTransaction.requiringNew().call(() -> dispatcher.claim(T0, lane, 10));
        assertEquals(List.of(), again, "a claimed delivery is leased, not due");
        assertEquals(
                Outbox.Outcome.DONE, dispatcher.record(sender.send(first.get(0)).join()));
        assertEquals(1, receiver.requests().size());
    }

    @Test
    void aSlowReceiverDoesNotHoldBackTheOthers() throws Exception {
        TestClock.install(T0);
        CountDownLatch answer = new CountDownLatch(1);
        Receiver slow = receiver(Receiver.holding(answer));
        Receiver healthy = receiver(n -> 204);
        int slowHook = subscribe(slow, Notice.DUE);
        int healthyHook = subscribe(healthy, Notice.DUE);
        int notices = 100;
        for (int i = 0; i < notices; i++) {
            publish(Notice.DUE, TestData.key("lanes"), T0);
        }

        ExecutorService node = Executors.newSingleThreadExecutor();
        try {
            Future<DeliveryRound> round = node.submit(() -> dispatcher.deliverDue());
            // Every notice reaches the healthy receiver while the slow one holds its first requests unanswered,
            // well within one attempt's timeout (a batch that waited for its slowest receiver would not).
            assertTrue(
                    healthy.awaitArrivals(notices, Duration.ofSeconds(15)),
                    "healthy receiver got " + healthy.arrived() + " of " + notices);
            int lane = config.webhooks().concurrencyPerSubscription();
            assertTrue(slow.awaitArrivals(lane, Duration.ofSeconds(5)));
            assertEquals(lane, slow.arrived(), "the slow receiver's lane is full, and holds no more");
            assertEquals(0, slow.requests().size(), "the slow receiver has answered nothing yet");
            answer.countDown();
            DeliveryRound done = round.get(60, TimeUnit.SECONDS);
            assertEquals(new DeliveryRound(2 * notices, 2 * notices, 0, 0, 0), done);
            assertEquals(lane, slow.mostAtOnce(), "at most a lane's worth of attempts at once");
        } finally {
            answer.countDown();
            node.shutdown();
        }

        assertEquals(notices, healthy.requests().size());
        assertTrue(healthy.mostAtOnce() <= config.webhooks().concurrencyPerSubscription());
        assertEquals(notices, slow.requests().size());
        assertTrue(slow.requests().stream().allMatch(Receiver.Request::signatureValid));
        for (int hook : List.of(slowHook, healthyHook)) {
            JsonPath log = given().queryParam("limit", 500)
                    .get(WEBHOOKS + "/" + hook + "/deliveries")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(notices, log.getList("items").size());
            assertTrue(
                    log.getList("items.status").stream().allMatch("DELIVERED"::equals),
                    log.getList("items.status").toString());
            assertTrue(log.getList("items.attempts.attempt").stream().allMatch(List.of(1)::equals), "one attempt each");
        }
    }

    @Test
    void aRoundWhoseBudgetRunsOutLeavesItsSlowAttemptsToFinishAndTheirLaneFull() throws Exception {
        TestClock.install(T0);
        CountDownLatch answer = new CountDownLatch(1);
        Receiver slow = receiver(Receiver.holding(answer));
        int webhook = subscribe(slow, Notice.DUE);
        int lane = config.webhooks().concurrencyPerSubscription();
        int notices = lane + 3;
        for (int i = 0; i < notices; i++) {
            publish(Notice.DUE, TestData.key("budget"), T0);
        }

        // No budget: the round claims once and does not wait for the receiver.
        assertEquals(new DeliveryRound(0, 0, 0, 0, lane), dispatcher.deliverDue(Duration.ZERO));
        assertTrue(slow.awaitArrivals(lane, Duration.ofSeconds(5)));
        // The next round finds the lane full: it sends nothing more to this receiver and ends at once.
        assertEquals(new DeliveryRound(0, 0, 0, 0, 0), dispatcher.deliverDue());
        assertEquals(lane, slow.arrived());
        assertEquals(List.of(), deliveries(webhook).getList("items.findAll { it.status == 'DELIVERED' }"));

        answer.countDown();
        // Recorded when the receiver answers, by no round.
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> deliveries(webhook).getList("items.status").stream()
                                .filter("DELIVERED"::equals)
                                .count()
                        == lane);
        DeliveryRound rest = dispatcher.deliverDue();
        assertEquals(new DeliveryRound(notices - lane, notices - lane, 0, 0, 0), rest);
        JsonPath log = deliveries(webhook);
        assertTrue(
                log.getList("items.status").stream().allMatch("DELIVERED"::equals),
                log.getList("items.status").toString());
        assertTrue(log.getList("items.attempts.attempt").stream().allMatch(List.of(1)::equals), "one attempt each");
        assertEquals(notices, slow.requests().size());
    }

    @Test
    void theJobRunsADeliveryRound() throws IOException {
        TestClock.install(T0);
        Receiver receiver = receiver(n -> 202);
        subscribe(receiver, Notice.UPCOMING);
        publish(Notice.UPCOMING, TestData.key("job"), T0);

        assertEquals("webhook-delivery", job.name());
        assertEquals("every " + config.webhooks().deliveryEvery(), job.schedule());
        DeliveryRound round = job.run();
        assertTrue(round.attempted() >= 1 && round.delivered() >= 1, round.toString());
        assertEquals(1, receiver.requests().size());
        assertNotNull(registry.find("hindsight.webhook.round").timer());
        assertTrue(registry.find("hindsight.webhook.round").timer().count() >= 1);
    }
}
