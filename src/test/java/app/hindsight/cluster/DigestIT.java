package app.hindsight.cluster;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Digests on PostgreSQL with two replicas and a real SMTP server (GreenMail, in this process): a subscriber
 * confirmed through one replica, a prediction come due, and the digest job run on both replicas at the same moment
 * sends one mail, and running it again sends none.
 */
class DigestIT {

    static String database;
    static final List<AppProcess> apps = new ArrayList<>();
    static GreenMail smtp;

    @BeforeAll
    static void start() throws Exception {
        Postgres.assumeAvailable();
        database = Postgres.createDatabase("hindsight_it_digest");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AppProcess app : apps) {
            app.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        Postgres.dropDatabase(database);
    }

    private static Map<String, String> mailEnv() {
        return Map.of(
                "QUARKUS_MAILER_MOCK", "false",
                "QUARKUS_MAILER_HOST", "127.0.0.1",
                "QUARKUS_MAILER_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "HINDSIGHT_PUBLIC_URL", "https://hindsight.example.org");
    }

    private static Response run(AppProcess app, String job) {
        return app.admin().header("Prefer", "wait=60").post("/jobs/" + job + "/runs");
    }

    private static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                found.add(m);
            }
        }
        return found;
    }

    @Test
    void twoReplicasRunningTheDigestAtOnceSendOneMail() throws Exception {
        AppProcess a = AppProcess.launch("digest-a", database, mailEnv());
        apps.add(a);
        AppProcess b = AppProcess.launch("digest-b", database, mailEnv());
        apps.add(b);
        a.awaitReady();
        b.awaitReady();

        String suffix = Long.toString(System.nanoTime(), 36);
        String topic = "pg-digest-" + suffix;
        String address = "pg-" + suffix + "@example.org";
        a.admin()
                .contentType("application/json")
                .body(Map.of("email", address, "topics", List.of(topic), "cadence", "DAILY"))
                .post("/subscriptions")
                .then()
                .statusCode(201);
        List<MimeMessage> confirmation = mailsTo(address);
        assertEquals(1, confirmation.size());
        Matcher link = Pattern.compile("https://hindsight\\.example\\.org(/digest/confirm/[A-Za-z0-9_-]{43})")
                .matcher(GreenMailUtil.getBody(confirmation.get(0)));
        assertTrue(link.find(), "a confirmation link");
        RestAssured.given().baseUri(b.url()).post(link.group(1)).then().statusCode(200);

        String key = "pg-digest-due-" + suffix;
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        a.admin()
                .contentType("application/json")
                .body(Map.of(
                        "key",
                        key,
                        "statement",
                        "PostgreSQL digests " + key + ".",
                        "kind",
                        "FORECAST",
                        "speaker",
                        "Tester",
                        "madeOn",
                        "2026-01-27",
                        "topics",
                        List.of(topic),
                        "target",
                        Map.of("date", yesterday, "precision", "DAY", "basis", "EXPLICIT")))
                .post("/predictions")
                .then()
                .statusCode(201);
        run(a, "due-scan").then().statusCode(200);

        CompletableFuture<Response> onA = CompletableFuture.supplyAsync(() -> run(a, "digest"));
        CompletableFuture<Response> onB = CompletableFuture.supplyAsync(() -> run(b, "digest"));
        int composed = 0;
        int sent = 0;
        for (Response r : List.of(onA.get(), onB.get())) {
            r.then().statusCode(200).body("state", equalTo("SUCCEEDED"));
            composed += r.<Integer>path("result.composed");
            sent += r.<Integer>path("result.sent");
        }
        assertEquals(1, composed, "composed once");
        assertEquals(1, sent, "sent once");
        run(b, "digest")
                .then()
                .statusCode(200)
                .body("result.composed", equalTo(0))
                .body("result.sent", equalTo(0));
        run(a, "digest-retry").then().statusCode(200).body("result.sent", equalTo(0));

        List<MimeMessage> mails = mailsTo(address);
        assertEquals(2, mails.size(), "the confirmation and one digest");
        MimeMessage digest = mails.get(1);
        assertTrue(digest.getMessageID().startsWith("<digest."), digest.getMessageID());
        assertTrue(GreenMailUtil.getBody(digest).contains(key), "the digest names the prediction");
        assertEquals(1, Postgres.count(database, "select count(*) from digest where status = 'SENT'"));
        assertEquals(1, Postgres.count(database, "select count(*) from digest_notice"));
    }
}
