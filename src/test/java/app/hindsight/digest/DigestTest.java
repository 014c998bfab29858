package app.hindsight.digest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.ExpectedLogs;
import app.hindsight.TestClock;
import app.hindsight.prediction.TestData;
import app.hindsight.review.DueScan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Digests against a real SMTP server (GreenMail, in this process): the confirmation mail and nothing before it is
 * used, a digest's parts, links and headers, one digest per subscriber and period, one-click unsubscribing, and an
 * SMTP outage that ends in one delivery. The clock is the test's; the jobs are called directly or through the API.
 * Each test filters its subscriptions by a topic of its own, so the notices of the others do not reach them.
 */
@QuarkusTest
@TestProfile(DigestProfile.class)
class DigestTest {

    static final String SUBSCRIPTIONS = "/api/v1/subscriptions";
    /** A Monday. */
    static final Instant MONDAY = Instant.parse("2031-03-03T00:00:00Z");

    @Inject
    DueScan scan;

    @Inject
    DigestMailing digestJob;

    @Inject
    DigestRetry retryJob;

    private String topic;

    @BeforeEach
    void freshInbox() throws Exception {
        GreenMailResource.up();
        GreenMailResource.server().purgeEmailFromAllMailboxes();
        topic = "d-" + TestData.uid();
    }

    @AfterEach
    void deleteSubscriptions() {
        GreenMailResource.up();
        List<Integer> ids = given().header("Authorization", "Bearer " + AdminTokenByDefault.ADMIN_TOKEN)
                .get(SUBSCRIPTIONS + "?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        ids.forEach(id -> given().header("Authorization", "Bearer " + AdminTokenByDefault.ADMIN_TOKEN)
                .delete(SUBSCRIPTIONS + "/" + id)
                .then()
                .statusCode(204));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    static String address(String who) {
        return who + "-" + TestData.uid() + "@example.org";
    }

    int subscribe(String email, String cadence) {
        io.restassured.response.Response created = given().contentType("application/json")
                .body(Map.of("email", email, "topics", List.of(topic), "cadence", cadence))
                .post(SUBSCRIPTIONS);
        created.then().statusCode(201).body("status", equalTo("PENDING"));
        int id = created.path("id");
        // Where it can be ended: DELETE on it is the unsubscribe of the API.
        assertTrue(created.header("Location").endsWith("/api/v1/subscriptions/" + id), created.header("Location"));
        return id;
    }

    /** Opens the link of the confirmation mail and presses Confirm. */
    static void confirm(String email) {
        Inbox.Message mail = Inbox.of(email).get(0);
        String token = Inbox.token(mail.text(), "/digest/confirm/");
        given().post("/digest/confirm/" + token).then().statusCode(200).body(containsString("Your digest is on"));
    }

    int subscribed(String email, String cadence) {
        int id = subscribe(email, cadence);
        confirm(email);
        return id;
    }

    /** A prediction of this test's topic whose target date is {@code date}; {@code due} by the scan or not. */
    String prediction(String what, String date, String speaker) {
        Map<String, Object> body = TestData.prediction(TestData.key(what));
        body.put("statement", "The " + what + " prediction " + body.get("key") + " comes true.");
        body.put("speaker", speaker);
        body.put("topics", List.of(topic));
        body.put("quote", Map.of("text", "I am sure the " + what + " will happen", "lang", "en"));
        body.put("target", TestData.target(date, "DAY", "EXPLICIT", "on " + date));
        return TestData.create(body);
    }

    String prediction(String what, String date) {
        return prediction(what, date, "Ada Analyst");
    }

    static String status(int id) {
        return given().get(SUBSCRIPTIONS + "?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.id == " + id + " }.status");
    }

    static List<Inbox.Message> digests(String email) {
        return Inbox.of(email).stream()
                .filter(m -> m.messageId().startsWith("<digest."))
                .toList();
    }

    static Digest stored(int subscriptionId, String period) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Digest.<Digest>find("subscriptionId = ?1 and period = ?2", (long) subscriptionId, period)
                        .firstResult());
    }

    // --- the tests ----------------------------------------------------------------------------------------------

    @Test
    void aSubscriptionGetsAConfirmationMailAndNoDigestUntilItsLinkIsUsedOnce() {
        TestClock clock = TestClock.install(MONDAY.plus(Duration.ofHours(5)));
        String email = address("confirm");
        int id = subscribe(email, "DAILY");

        List<Inbox.Message> mails = Inbox.of(email);
        assertEquals(1, mails.size());
        Inbox.Message confirmation = mails.get(0);
        assertEquals("Confirm your Hindsight digest", confirmation.subject());
        assertEquals("<confirm." + id + "@hindsight.example.org>", confirmation.messageId());
        assertEquals("auto-generated", confirmation.autoSubmitted());
        assertNull(confirmation.listUnsubscribe(), "no list mail yet");
        String token = Inbox.token(confirmation.text(), "/digest/confirm/");
        assertTrue(confirmation.html().contains("/digest/confirm/" + token), confirmation.html());
        assertTrue(confirmation.text().contains("daily"), confirmation.text());

        String due = prediction("unconfirmed", "2031-03-01");
        scan.run();
        clock.set(MONDAY.plus(Duration.ofHours(7)));
        digestJob.run();
        assertEquals(1, Inbox.of(email).size(), "nothing but the confirmation before confirming");

        // A GET (a mail scanner's, a link preview's) shows the page; it does not confirm.
        given().get("/digest/confirm/" + token)
                .then()
                .statusCode(200)
                .header("Content-Type", equalToIgnoringCase("text/html;charset=UTF-8"))
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Cache-Control", equalTo("no-store"))
                .body(containsString("<form method=\"post\">"))
                .body(containsString(email));
        assertEquals("PENDING", status(id));

        given().post("/digest/confirm/" + token).then().statusCode(200);
        assertEquals("ACTIVE", status(id));
        given().post("/digest/confirm/" + token).then().statusCode(404).body(containsString("used already"));
        given().get("/digest/confirm/" + token).then().statusCode(404);

        // Notices from before the confirmation are not sent afterwards either.
        clock.advance(Duration.ofHours(1));
        digestJob.run();
        assertEquals(List.of(), digests(email), "the notice of " + due + " came before the confirmation");
    }

    @Test
    void theDigestListsWhatCameDueWithBothPartsLinksAndUnsubscribeHeadersOncePerPeriod() {
        TestClock clock = TestClock.install(MONDAY.plus(Duration.ofHours(5)));
        String email = address("content");
        int id = subscribed(email, "DAILY");
        clock.set(MONDAY.plus(Duration.ofHours(6)));
        String due = prediction("overdue", "2031-03-01");
        String coming = prediction("upcoming", "2031-03-06");
        scan.run();

        clock.set(MONDAY.plus(Duration.ofHours(7)));
        given().header("Prefer", "wait=60")
                .post("/api/v1/jobs/digest/runs")
                .then()
                .statusCode(200)
                .body("state", equalTo("SUCCEEDED"))
                .body("result.composed", equalTo(1))
                .body("result.sent", equalTo(1));

        List<Inbox.Message> sent = digests(email);
        assertEquals(1, sent.size());
        Inbox.Message digest = sent.get(0);
        assertEquals("Hindsight, Monday 3 March 2031: 2 predictions need a look", digest.subject());
        assertTrue(digest.contentType().startsWith("multipart/alternative"), digest.contentType());
        assertEquals("<digest." + id + ".2031-03-03@hindsight.example.org>", digest.messageId());
        String unsubscribe = digest.listUnsubscribe();
        assertTrue(
                unsubscribe.matches("<https://hindsight\\.example\\.org/digest/unsubscribe/[A-Za-z0-9_-]{43}>"),
                unsubscribe);
        assertEquals("List-Unsubscribe=One-Click", digest.listUnsubscribePost());
        assertEquals("auto-generated", digest.autoSubmitted());
        String unsubscribeUrl = unsubscribe.substring(1, unsubscribe.length() - 1);
        for (String part : List.of(digest.text(), digest.html())) {
            assertTrue(part.contains("Came due") && part.contains("Coming due"), part);
            assertTrue(part.contains("The overdue prediction " + due + " comes true."), part);
            assertTrue(part.contains("I am sure the overdue will happen"), part);
            assertTrue(part.contains("due 2031-03-01") && part.contains("due 2031-03-06"), part);
            assertTrue(part.contains("https://hindsight.example.org/desk/predictions/" + due), part);
            assertTrue(part.contains("https://hindsight.example.org/desk/predictions/" + coming), part);
            assertTrue(part.contains(unsubscribeUrl), "a visible unsubscribe link: " + part);
        }
        assertTrue(digest.html().contains("lang=\"en\""), digest.html());

        // Later the same day: news, but this period's digest went out.
        clock.set(MONDAY.plus(Duration.ofHours(9)));
        String later = prediction("later", "2031-03-02");
        scan.run();
        digestJob.run();
        assertEquals(1, digests(email).size(), "one digest per period");

        // The next morning: only what is new since.
        clock.set(MONDAY.plus(Duration.ofDays(1)).plus(Duration.ofHours(7)));
        digestJob.run();
        List<Inbox.Message> both = digests(email);
        assertEquals(2, both.size());
        Inbox.Message tuesday = both.get(1);
        assertEquals("<digest." + id + ".2031-03-04@hindsight.example.org>", tuesday.messageId());
        assertTrue(tuesday.text().contains(later), tuesday.text());
        assertFalse(tuesday.text().contains(due) || tuesday.text().contains(coming), tuesday.text());

        // The morning after, nothing new: no mail.
        clock.advance(Duration.ofDays(1));
        digestJob.run();
        assertEquals(2, digests(email).size(), "no mail when there is nothing");
    }

    @Test
    void oneClickUnsubscribeFromTheMailStopsTheNextDigest() {
        TestClock clock = TestClock.install(MONDAY.plus(Duration.ofHours(5)));
        String email = address("leaving");
        int id = subscribed(email, "DAILY");
        clock.set(MONDAY.plus(Duration.ofHours(6)));
        prediction("first", "2031-03-01");
        scan.run();
        clock.set(MONDAY.plus(Duration.ofHours(7)));
        digestJob.run();
        String header = digests(email).get(0).listUnsubscribe();
        String path = header.substring(1, header.length() - 1).substring(DigestProfile.PUBLIC_URL.length());

        AdminTokenByDefault.anonymous();
        // The visible link's page asks; it does not unsubscribe by itself.
        given().get(path).then().statusCode(200).body(containsString("name=\"List-Unsubscribe\" value=\"One-Click\""));
        assertEquals("ACTIVE", AdminTokenByDefault.asAdmin(() -> status(id)));
        // RFC 8058: a POST with List-Unsubscribe=One-Click, no token, no cookie.
        given().contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .post(path)
                .then()
                .statusCode(200)
                .body(containsString("You are unsubscribed"));
        given().contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .post(path)
                .then()
                .statusCode(200);
        given().get(path).then().statusCode(200).body(containsString("You are unsubscribed"));
        assertEquals("UNSUBSCRIBED", AdminTokenByDefault.asAdmin(() -> status(id)));

        AdminTokenByDefault.asAdmin(() -> {
            clock.set(MONDAY.plus(Duration.ofHours(8)));
            prediction("second", "2031-03-02");
            scan.run();
            return null;
        });
        clock.set(MONDAY.plus(Duration.ofDays(1)).plus(Duration.ofHours(7)));
        digestJob.run();
        assertEquals(1, digests(email).size(), "nothing after unsubscribing");
    }

    @Test
    void anSmtpOutageIsRetriedWithBackoffAndTheDigestDeliveredOnce() {
        TestClock clock = TestClock.install(MONDAY.plus(Duration.ofHours(5)));
        String email = address("outage");
        int id = subscribed(email, "DAILY");
        clock.set(MONDAY.plus(Duration.ofHours(6)));
        prediction("outage", "2031-03-01");
        scan.run();
        clock.set(MONDAY.plus(Duration.ofHours(7)));

        GreenMailResource.down();
        try (ExpectedLogs logs = ExpectedLogs.capture(DigestChannel.class)) {
            Digests.Result result = digestJob.run();
            assertEquals(1, result.composed());
            assertEquals(1, result.retried());
            assertEquals(0, result.sent());
            assertEquals(1, logs.messages().size(), logs.messages().toString());
            assertTrue(
                    logs.messages().get(0).startsWith("WARN Digest "),
                    logs.messages().toString());
            assertTrue(
                    logs.messages().get(0).contains("attempt 1 failed"),
                    logs.messages().toString());
        }
        Digest pending = stored(id, "2031-03-03");
        assertEquals(DigestStatus.PENDING, pending.status);
        assertEquals(1, pending.attempts);
        assertEquals(clock.instant().plus(Duration.ofMinutes(1)), pending.nextAttemptAt);
        assertTrue(pending.lastError.startsWith("the SMTP server did not take the mail"), pending.lastError);

        GreenMailResource.up();
        clock.advance(Duration.ofSeconds(59));
        assertEquals(0, retryJob.run().sent(), "not before the backoff");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, retryJob.run().sent());
        retryJob.run();
        digestJob.run();

        List<Inbox.Message> sent = digests(email);
        assertEquals(1, sent.size(), "delivered once");
        assertEquals(
                "<digest." + id + ".2031-03-03@hindsight.example.org>",
                sent.get(0).messageId());
        Digest delivered = stored(id, "2031-03-03");
        assertEquals(DigestStatus.SENT, delivered.status);
        assertEquals(2, delivered.attempts);
        assertNull(delivered.nextAttemptAt);
    }

    @Test
    void weeklySubscribersGetTheirDigestOnMondays() {
        TestClock clock = TestClock.install(MONDAY.plus(Duration.ofDays(1)).plus(Duration.ofHours(5)));
        String email = address("weekly");
        int id = subscribed(email, "WEEKLY");
        clock.advance(Duration.ofHours(1));
        prediction("weekly", "2031-03-02");
        scan.run();
        for (int day = 1; day < 7; day++) {
            clock.set(MONDAY.plus(Duration.ofDays(day)).plus(Duration.ofHours(7)));
            digestJob.run();
        }
        assertEquals(List.of(), digests(email), "Tuesday to Sunday: nothing");
        clock.set(MONDAY.plus(Duration.ofDays(7)).plus(Duration.ofHours(7)));
        digestJob.run();
        List<Inbox.Message> sent = digests(email);
        assertEquals(1, sent.size());
        assertEquals(
                "Hindsight, week of 10 March 2031: 1 prediction needs a look",
                sent.get(0).subject());
        assertEquals(
                "<digest." + id + ".2031-W11@hindsight.example.org>",
                sent.get(0).messageId());
    }

    @Test
    void aDigestHoldsOnlyItsEventsTopicsAndSpeakers() {
        TestClock clock = TestClock.install(MONDAY.plus(Duration.ofHours(5)));
        String email = address("filtered");
        given().contentType("application/json")
                .body(Map.of(
                        "email", email,
                        "events", List.of("prediction.due"),
                        "topics", List.of(topic),
                        "speakers", List.of("ADA ANALYST"),
                        "cadence", "DAILY"))
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(201)
                .body("events", equalTo(List.of("prediction.due")))
                .body("speakers", equalTo(List.of("ADA ANALYST")));
        confirm(email);
        clock.advance(Duration.ofHours(1));
        String hers = prediction("hers", "2031-03-01", "Ada Analyst");
        String his = prediction("his", "2031-03-01", "Bob Builder");
        String upcoming = prediction("soon", "2031-03-06", "Ada Analyst");
        Map<String, Object> elsewhere = TestData.pastPrediction(TestData.key("elsewhere"));
        elsewhere.put("speaker", "Ada Analyst");
        String otherTopic = TestData.create(elsewhere);
        scan.run();
        clock.set(MONDAY.plus(Duration.ofHours(7)));
        digestJob.run();
        String text = digests(email).get(0).text();
        assertTrue(text.contains(hers), text);
        assertFalse(text.contains(his), "another speaker");
        assertFalse(text.contains(upcoming), "not an event subscribed to");
        assertFalse(text.contains(otherTopic), "another topic");
    }

    @Test
    void anExpiredConfirmationLinkSaysSoAndConfirmsNothing() {
        TestClock clock = TestClock.install(MONDAY);
        String email = address("late");
        int id = subscribe(email, "DAILY");
        String token = Inbox.token(Inbox.of(email).get(0).text(), "/digest/confirm/");
        clock.advance(Duration.ofHours(48));
        given().get("/digest/confirm/" + token).then().statusCode(410).body(containsString("expired"));
        given().post("/digest/confirm/" + token).then().statusCode(410);
        assertEquals("PENDING", status(id));
        given().get("/digest/confirm/not-a-token")
                .then()
                .statusCode(404)
                .header("Content-Type", equalToIgnoringCase("text/html;charset=UTF-8"));
        given().get("/digest/unsubscribe/" + Subscriptions.newToken()).then().statusCode(404);
    }

    @Test
    void badInputIsA400NamingTheField() {
        TestClock.install(MONDAY);
        record Case(Object body, String field) {}
        List<Case> cases = new ArrayList<>(List.of(
                new Case(Map.of("email", "not-an-address", "cadence", "DAILY"), "email"),
                new Case(Map.of("email", "a@localhost", "cadence", "DAILY"), "email"),
                new Case(Map.of("email", "x@example.org\r\nBcc: y@example.org", "cadence", "DAILY"), "email"),
                new Case(Map.of("email", "x".repeat(250) + "@example.org", "cadence", "DAILY"), "email"),
                new Case(Map.of("email", "x@example.org"), "cadence"),
                new Case(Map.of("email", "x@example.org", "cadence", "HOURLY"), "cadence"),
                new Case(
                        Map.of("email", "x@example.org", "cadence", "DAILY", "events", List.of("prediction.gone")),
                        "events[0]"),
                new Case(Map.of("email", "x@example.org", "cadence", "DAILY", "events", List.of()), "events"),
                new Case(
                        Map.of("email", "x@example.org", "cadence", "DAILY", "topics", List.of("Not A Tag")),
                        "topics[0]"),
                new Case(
                        Map.of("email", "x@example.org", "cadence", "DAILY", "speakers", List.of("x".repeat(201))),
                        "speakers[0]"),
                new Case(Map.of("email", "x@example.org", "cadence", "DAILY", "color", "blue"), "color")));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("t" + i);
        }
        cases.add(new Case(Map.of("email", "x@example.org", "cadence", "DAILY", "topics", many), "topics"));
        for (Case c : cases) {
            given().contentType("application/json")
                    .body(c.body())
                    .post(SUBSCRIPTIONS)
                    .then()
                    .statusCode(400)
                    .contentType(TestData.PROBLEM_JSON)
                    .body("errors.field", hasItem(c.field()));
        }
        given().get(SUBSCRIPTIONS + "?status=GONE").then().statusCode(400).body("errors.field", hasItem("status"));
        given().delete(SUBSCRIPTIONS + "/nope").then().statusCode(404);
        given().delete(SUBSCRIPTIONS + "/999999").then().statusCode(404);
        assertEquals(List.of(), given().get(SUBSCRIPTIONS).then().extract().path("items"), "nothing stored");
    }

    @Test
    void theConfirmationMailCarriesNoTextTheClientWrote() {
        TestClock.install(MONDAY);
        String email = address("phish");
        String speaker = "Urgent: your account is locked, log in at http://evil.example/login";
        given().contentType("application/json")
                .body(Map.of(
                        "email", email, "topics", List.of(topic), "speakers", List.of(speaker), "cadence", "DAILY"))
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(201);

        Inbox.Message mail = Inbox.of(email).get(0);
        for (String part : List.of(mail.text(), mail.html())) {
            for (String clientText : List.of("evil.example", "locked", topic, email)) {
                assertFalse(part.contains(clientText), clientText + " in " + part);
            }
            assertTrue(part.contains("daily") && part.contains("/digest/confirm/"), part);
        }
        // The page the link opens shows what was asked for, as text of the service's own page.
        given().get("/digest/confirm/" + Inbox.token(mail.text(), "/digest/confirm/"))
                .then()
                .statusCode(200)
                .body(containsString("evil.example/login"), containsString(topic));
    }

    @Test
    void lineBreaksInSpeakersAndNonAsciiLocalPartsAreRefused() {
        TestClock.install(MONDAY);
        String email = address("crlf");
        given().contentType("application/json")
                .body(Map.of(
                        "email", email, "speakers", List.of("x\r\n\r\nPHISH http://evil/login"), "cadence", "DAILY"))
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("speakers[0]")))
                .body("errors[0].message", containsString("single line"));
        given().contentType("application/json")
                .body(Map.of("email", "ren\u00e9-" + TestData.uid() + "@example.org", "cadence", "DAILY"))
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("email")))
                .body("errors[0].message", containsString("SMTPUTF8"));
        assertEquals(List.of(), Inbox.of(email), "no mail");
        assertEquals(0, GreenMailResource.server().getReceivedMessages().length, "no mail at all");
        assertEquals(List.of(), given().get(SUBSCRIPTIONS).then().extract().path("items"), "nothing stored");
    }

    @Test
    void aTokenMayHaveOnlySoManySubscriptionsAndAnonymousCallersNone() {
        TestClock.install(MONDAY);
        String token = given().contentType("application/json")
                .body(Map.of("name", TestData.key("subscriber"), "roles", List.of("reader")))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        for (int i = 0; i < 10; i++) {
            given().header("Authorization", "Bearer " + token)
                    .contentType("application/json")
                    .body(Map.of("email", address("many"), "cadence", "DAILY"))
                    .post(SUBSCRIPTIONS)
                    .then()
                    .statusCode(201);
        }
        given().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(Map.of("email", address("many"), "cadence", "DAILY"))
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/too-many-subscriptions"));
        AdminTokenByDefault.anonymous();
        given().contentType("application/json")
                .body(Map.of("email", address("anon"), "cadence", "DAILY"))
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(401);
    }

    @Test
    void whenTheConfirmationMailCannotBeSentNothingIsStored() {
        TestClock.install(MONDAY);
        GreenMailResource.down();
        String email = address("unsent");
        try (ExpectedLogs logs = ExpectedLogs.capture(Subscriptions.class)) {
            given().contentType("application/json")
                    .body(Map.of("email", email, "cadence", "DAILY"))
                    .post(SUBSCRIPTIONS)
                    .then()
                    .statusCode(503)
                    .header("Retry-After", equalTo("60"))
                    .body("type", equalTo("/problems/unavailable"));
            assertTrue(
                    logs.messages().get(0).startsWith("WARN Subscription "),
                    logs.messages().toString());
        }
        given().get(SUBSCRIPTIONS).then().statusCode(200).body("items.email", not(hasItem(email)));
    }

    @Test
    void adminsListSubscriptionsPagedAndDeleteThem() {
        TestClock.install(MONDAY);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(subscribe(address("listed"), i == 0 ? "WEEKLY" : "DAILY"));
        }
        var first = given().get(SUBSCRIPTIONS + "?limit=2").then().statusCode(200);
        first.body("items.id", equalTo(ids.subList(0, 2)))
                .body("items[0].cadence", equalTo("WEEKLY"))
                .body("items[0].topics", equalTo(List.of(topic)))
                .body(
                        "items[0].confirmationExpiresAt",
                        equalTo(MONDAY.plus(Duration.ofHours(48)).toString()))
                .body(
                        "items[0].confirmBy",
                        equalTo(MONDAY.plus(Duration.ofHours(48)).toString()))
                .header("Link", containsString("rel=\"next\""));
        String next = first.extract().path("nextCursor");
        given().get(SUBSCRIPTIONS + "?limit=2&cursor=" + next)
                .then()
                .body("items.id", equalTo(ids.subList(2, 3)))
                .body("nextCursor", equalTo(null));
        given().get(SUBSCRIPTIONS + "?status=ACTIVE").then().body("items", equalTo(List.of()));
        given().delete(SUBSCRIPTIONS + "/" + ids.get(1)).then().statusCode(204);
        given().delete(SUBSCRIPTIONS + "/" + ids.get(1)).then().statusCode(404);
        given().get(SUBSCRIPTIONS).then().body("items.id", equalTo(List.of(ids.get(0), ids.get(2))));
        given().get("/api/v1/jobs")
                .then()
                .body("items.name", hasItem("digest"))
                .body("items.find { it.name == 'digest' }.schedule", equalTo("cron 0 0 0 1 1 ? 2099 in UTC"))
                .body("items.name", hasItem("digest-retry"));
    }
}
