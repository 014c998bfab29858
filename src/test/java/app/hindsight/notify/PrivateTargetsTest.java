package app.hindsight.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.HindsightConfig;
import app.hindsight.TestClock;
import app.hindsight.net.HostResolver;
import app.hindsight.prediction.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * With the outbound rule as it is out of the box (no private network allowed), no spelling of a non-public address
 * can be subscribed, and a receiver whose name resolves to one by the time of delivery is not sent to: the attempt
 * is logged as a failure that says nothing of the target, and retried after the backoff like any other.
 */
@QuarkusTest
@TestProfile(PrivateTargetsTest.PublicOnly.class)
class PrivateTargetsTest {

    /** The defaults: the tests' allow-list of the loopback is taken away. */
    public static class PublicOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hindsight.webhooks.allowed-networks", "", "hindsight.webhooks.allow-private", "false");
        }
    }

    /** Names the test makes resolve where it likes; any other name does not resolve. */
    static final class Names extends HostResolver {
        final Map<String, String> answers = new ConcurrentHashMap<>();

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            String address = answers.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(address)};
        }
    }

    private static final String WEBHOOKS = "/api/v1/webhooks";
    private static final Instant T0 = Instant.parse("2031-05-01T09:00:00Z");

    @Inject
    Notices notices;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    WebhookSecrets secrets;

    @Inject
    ObjectMapper json;

    @Inject
    HindsightConfig config;

    private final Names names = new Names();
    private final List<Long> subscriptions = new ArrayList<>();
    private final List<Receiver> receivers = new ArrayList<>();

    @BeforeEach
    void resolveNamesHere() {
        QuarkusMock.installMockForType(names, HostResolver.class);
    }

    @AfterEach
    void cleanUp() {
        subscriptions.forEach(id -> given().header("Authorization", "Bearer " + AdminTokenByDefault.ADMIN_TOKEN)
                .delete(WEBHOOKS + "/" + id)
                .then()
                .statusCode(204));
        receivers.forEach(Receiver::close);
    }

    private static int subscriptionCount() {
        return given().queryParam("limit", 500)
                .get(WEBHOOKS)
                .then()
                .statusCode(200)
                .extract()
                .path("items.size()");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // the spellings
                "http://169.254.169.254/latest/meta-data/",
                "http://[::ffff:169.254.169.254]/",
                "http://2852039166/",
                "http://0.0.0.0:8080/",
                "http://[::1]:8080/",
                "http://localhost:8080/hook",
                "http://2130706433/",
                // and more
                "http://0x7f000001/",
                "http://017700000001/",
                "http://127.0.0.1:9/hook",
                "https://LOCALHOST./",
                "http://admin.localhost/",
                "http://[::ffff:7f00:1]/",
                "http://[fe80::1%25eth0]/",
                "http://[fd00::1]/",
                "https://10.0.0.1/",
                "https://192.168.1.20/",
                "https://100.64.0.1/",
                "http://intranet.example.org/hook"
            })
    void aNonPublicTargetIsA400NamingTheUrlAndTheSettingThatAllowsIt(String url) {
        names.answers.put("intranet.example.org", "10.1.2.3");
        int before = subscriptionCount();
        given().contentType("application/json")
                .body(Map.of("url", url, "eventTypes", List.of(Notice.DUE)))
                .post(WEBHOOKS)
                .then()
                .statusCode(400)
                .contentType(TestData.PROBLEM_JSON)
                .body("type", equalTo("/problems/invalid-request"))
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].message", startsWith("must be a public address: "))
                .body(
                        "errors[0].message",
                        anyOf(containsString("hindsight.webhooks.allow-private"), endsWith("which no setting allows")));
        assertEquals(before, subscriptionCount(), "nothing was stored");
    }

    @Test
    void theMessageSaysWhatTheAddressIsAndWhenNoSettingAllowsIt() {
        names.answers.put("intranet.example.org", "10.1.2.3");
        assertEquals(
                "must be a public address: 169.254.169.254 is a link-local address (hindsight.webhooks.allow-private or "
                        + "hindsight.webhooks.allowed-networks allow it)",
                refusal("http://2852039166/"));
        assertEquals(
                "must be a public address: intranet.example.org resolves to a private address "
                        + "(hindsight.webhooks.allow-private or hindsight.webhooks.allowed-networks allow it)",
                refusal("http://intranet.example.org/hook"));
        assertEquals(
                "must be a public address: 0.0.0.0 is an unspecified address, which no setting allows",
                refusal("http://0.0.0.0/"));
        assertEquals(
                "must be a public address: 224.0.0.251 is a multicast address, which no setting allows",
                refusal("http://224.0.0.251/"));
    }

    private static String refusal(String url) {
        return given().contentType("application/json")
                .body(Map.of("url", url, "eventTypes", List.of(Notice.DUE)))
                .post(WEBHOOKS)
                .then()
                .statusCode(400)
                .extract()
                .path("errors[0].message");
    }

    @Test
    void aPublicNameAndANameThatDoesNotResolveYetAreAccepted() {
        names.answers.put("hooks.example.org", "93.184.216.34");
        for (String url : List.of("https://hooks.example.org/hindsight", "https://not-yet.example.org/hindsight")) {
            int id = given().contentType("application/json")
                    .body(Map.of("url", url, "eventTypes", List.of(Notice.DUE)))
                    .post(WEBHOOKS)
                    .then()
                    .statusCode(201)
                    .body("url", equalTo(url))
                    .extract()
                    .path("id");
            subscriptions.add((long) id);
        }
    }

    @Test
    void aNameThatNowResolvesToTheLoopbackIsNotSentToAndTheRefusalIsLogged() throws IOException {
        TestClock clock = TestClock.install(T0);
        Receiver receiver = receiver();
        int port = URI.create(receiver.url()).getPort();
        names.answers.put("rebound.example.org", "93.184.216.34");
        int id = given().contentType("application/json")
                .body(Map.of(
                        "url",
                        "http://rebound.example.org:" + port + "/hooks/hindsight",
                        "eventTypes",
                        List.of(Notice.DUE)))
                .post(WEBHOOKS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        subscriptions.add((long) id);
        names.answers.put("rebound.example.org", "127.0.0.1"); // a DNS record changed since

        assertRefusedTwice(clock, id, receiver);
    }

    @Test
    void aSubscriptionMadeWhilePrivateTargetsWereAllowedIsNotSentTo() throws IOException {
        TestClock clock = TestClock.install(T0);
        Receiver receiver = receiver();
        // As a start with HINDSIGHT_WEBHOOKS_ALLOW_PRIVATE=true stored it; this start does not allow it.
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Webhook w = new Webhook();
            w.url = receiver.url();
            w.eventTypes = Notice.DUE;
            w.secret = secrets.seal(WebhookSignature.newSecret());
            w.enabled = true;
            w.createdAt = T0.minus(Duration.ofDays(1));
            w.createdBy = "admin";
            w.persist();
            return w.id;
        });
        subscriptions.add(id);

        assertRefusedTwice(clock, id, receiver);
    }

    /** A due notice is attempted now and after the first backoff, refused both times, the receiver never reached. */
    private void assertRefusedTwice(TestClock clock, long webhookId, Receiver receiver) {
        publish();
        dispatcher.deliverDue();
        JsonPath log = deliveries(webhookId);
        assertEquals("PENDING", log.getString("items[0].status"));
        assertEquals(1, log.getList("items[0].attempts").size());
        assertNull(log.get("items[0].attempts[0].statusCode"));
        assertEquals(
                "not sent: the receiver's address is not public, and hindsight.webhooks.allow-private or "
                        + "hindsight.webhooks.allowed-networks does not allow it",
                log.getString("items[0].attempts[0].error"));
        Duration backoff = config.webhooks().backoff().get(0);
        assertEquals(T0.plus(backoff), Instant.parse(log.getString("items[0].nextAttemptAt")));

        clock.advance(backoff);
        dispatcher.deliverDue();
        log = deliveries(webhookId);
        assertEquals(2, log.getList("items[0].attempts").size());
        assertEquals(log.getString("items[0].attempts[0].error"), log.getString("items[0].attempts[1].error"));
        assertEquals(0, receiver.arrived(), "the receiver was never reached");
    }

    private Receiver receiver() throws IOException {
        Receiver r = Receiver.answering(n -> 204);
        receivers.add(r);
        return r;
    }

    private void publish() {
        String key = TestData.key("private");
        QuarkusTransaction.requiringNew()
                .run(() -> notices.publish(
                        Notice.DUE,
                        key,
                        "test-" + TestData.uid(),
                        T0,
                        json.createObjectNode().put("key", key)));
    }

    private static JsonPath deliveries(long webhookId) {
        return given().get(WEBHOOKS + "/" + webhookId + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
