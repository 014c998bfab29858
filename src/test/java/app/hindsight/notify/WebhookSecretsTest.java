package app.hindsight.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.TestClock;
import app.hindsight.prediction.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Signing secrets are stored encrypted with hindsight.webhooks.secret-key (set for the tests), and still sign. */
@QuarkusTest
class WebhookSecretsTest {

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

    private final List<Integer> subscriptions = new ArrayList<>();
    private final List<Receiver> receivers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        subscriptions.forEach(id -> given().header("Authorization", "Bearer " + AdminTokenByDefault.ADMIN_TOKEN)
                .delete(WEBHOOKS + "/" + id)
                .then()
                .statusCode(204));
        receivers.forEach(Receiver::close);
    }

    @Test
    void secretIsStoredEncryptedAndDeliveriesAreSignedWithIt() throws IOException {
        TestClock.install(T0);
        Receiver receiver = receiver();
        int id = subscribe(receiver);
        String secret = receiver.secretForTest();

        String stored = stored(id);
        assertTrue(stored.startsWith("enc:v1:"), stored);
        assertFalse(stored.contains(secret.substring("whsec_".length())), "the key bytes in clear");
        assertTrue(stored.length() <= 100, "fits the column: " + stored.length());

        deliverOne();
        assertEquals(1, receiver.requests().size());
        assertTrue(receiver.requests().get(0).signatureValid(), "signed with the secret the subscriber was given");
    }

    @Test
    void secretsStoredBeforeTheKeyWasSetAreEncryptedOnStart() throws IOException {
        TestClock.install(T0);
        Receiver receiver = receiver();
        int id = subscribe(receiver);
        String secret = receiver.secretForTest();
        setStored(id, secret);

        assertTrue(secrets.sealStored() >= 1);

        String stored = stored(id);
        assertTrue(stored.startsWith("enc:v1:"), stored);
        assertEquals(secret, secrets.open(stored));
        deliverOne();
        assertTrue(receiver.requests().get(0).signatureValid());
    }

    @Test
    void aSecretTheKeyCannotOpenIsNotSentAndTheAttemptSaysWhy() throws IOException {
        TestClock.install(T0);
        Receiver receiver = receiver();
        int id = subscribe(receiver);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        setStored(
                id,
                SecretBox.of(Optional.of(Base64.getEncoder().encodeToString(otherKey)))
                        .seal(receiver.secretForTest()));

        deliverOne();

        assertEquals(0, receiver.requests().size(), "nothing is sent unsigned or wrongly signed");
        given().get(WEBHOOKS + "/" + id + "/deliveries")
                .then()
                .statusCode(200)
                .body("items[0].status", org.hamcrest.Matchers.equalTo("PENDING"))
                .body("items[0].attempts[0].error", startsWith("not sent: the signing secret does not decrypt"));
    }

    private Receiver receiver() throws IOException {
        Receiver r = Receiver.answering(n -> 204);
        receivers.add(r);
        return r;
    }

    private int subscribe(Receiver receiver) {
        var created = given().contentType("application/json")
                .body(Map.of("url", receiver.url(), "eventTypes", List.of(Notice.DUE)))
                .post(WEBHOOKS)
                .then()
                .statusCode(201)
                .extract();
        receiver.secret(created.path("secret"));
        int id = created.path("id");
        subscriptions.add(id);
        return id;
    }

    private void deliverOne() {
        String key = TestData.key("secret");
        QuarkusTransaction.requiringNew()
                .run(() -> notices.publish(
                        Notice.DUE,
                        key,
                        "test-" + TestData.uid(),
                        T0,
                        json.createObjectNode().put("key", key)));
        dispatcher.deliverDue();
    }

    private static String stored(int id) {
        return QuarkusTransaction.requiringNew().call(() -> Webhook.<Webhook>findById((long) id).secret);
    }

    private static void setStored(int id, String value) {
        QuarkusTransaction.requiringNew().run(() -> Webhook.update("secret = ?1 where id = ?2", value, (long) id));
    }
}
