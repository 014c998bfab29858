package app.hindsight.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.restassured.response.Response;

/**
 * The cases the second hostile round found by hand (issue 26), beside the generated ones: each is sent and, where
 * the answer must be a refusal, recorded as a finding when it is not.
 */
final class HostileCases {

    private HostileCases() {}

    static final List<String> PRIVATE_TARGETS = List.of(
            "http://169.254.169.254/",
            "http://[::ffff:169.254.169.254]/",
            "http://2852039166/",
            "http://0.0.0.0/",
            "http://[::1]/",
            "http://localhost/",
            "http://2130706433/",
            "http://0x7f000001/",
            "http://017700000001/",
            "http://127.1/",
            "http://10.0.0.1/",
            "http://192.168.1.1/",
            "http://[fd00::1]/",
            "http://[fe80::1]/",
            "http://224.0.0.1/");

    static void run(HostileRound round, String knownKey) {
        for (String url : PRIVATE_TARGETS) {
            round.send(
                    "POST",
                    "/api/v1/webhooks",
                    null,
                    null,
                    HostileRound.json(Map.of("url", url, "eventTypes", List.of("prediction.due"))),
                    "webhook target " + url);
        }
        for (String read : List.of(
                "/api/v1/predictions?q=%00",
                "/api/v1/predictions?speaker=%00",
                "/api/v1/predictions/%00",
                "/api/v1/speakers/%00",
                "/api/v1/reviews?assignee=%00",
                "/desk/reviews?assignee=%00",
                "/desk/predictions/%00",
                "/desk/predictions/%FF",
                "/desk/sources/%00",
                "/desk/sources?speaker=%00",
                "/api/v1/predictions/%FF")) {
            round.send("GET", read, null, null, null, "NUL or invalid UTF-8 in " + read);
        }
        round.send(
                "POST",
                "/api/v1/subscriptions",
                null,
                null,
                HostileRound.json(
                        Map.of("email", "reader@example.org", "speakers", List.of("x\r\n\r\nPHISH http://evil/login"))),
                "a line break in speakers");
        round.send(
                "POST",
                "/api/v1/subscriptions",
                null,
                null,
                HostileRound.json(Map.of("email", "rédacteur@example.org", "speakers", List.of("Sam Altman"))),
                "a non-ASCII local part");
        round.send(
                "PATCH",
                "/api/v1/predictions/" + knownKey,
                Map.of("If-Match", "*"),
                "application/merge-patch+json",
                "{\"topics\": [\"if-match-star\"]}",
                "If-Match: *");
        logScaleOverNonPositiveObservations(round);
        rawRequests(round);
    }

    /** Observations of 5, 0 and -3 on a LINEAR metric, then a change to LOG: it must be refused. */
    private static void logScaleOverNonPositiveObservations(HostileRound round) {
        String key = "hostile-log-scale-" + System.nanoTime();
        Response created = round.send(
                "POST",
                "/api/v1/predictions",
                null,
                null,
                HostileRound.json(Map.of(
                        "key", key,
                        "statement", "A metric that will cross zero.",
                        "kind", "FORECAST",
                        "speaker", "Hostile Tester",
                        "madeOn", "2026-01-01",
                        "target", Map.of("date", "2026-12-31", "precision", "DAY", "basis", "EXPLICIT"),
                        "metric",
                                Map.of(
                                        "name", "signed value",
                                        "baseline", Map.of("value", 5, "on", "2026-01-01"),
                                        "target", 10,
                                        "direction", "INCREASE",
                                        "scale", "LINEAR"))),
                null);
        if (created.statusCode() != 201) {
            return;
        }
        for (int i = 0; i < 3; i++) {
            double value = List.of(5.0, 0.0, -3.0).get(i);
            round.send(
                    "POST",
                    "/api/v1/predictions/" + key + "/observations",
                    null,
                    null,
                    HostileRound.json(Map.of("on", "2026-01-0" + (i + 2), "value", value)),
                    null);
        }
        String etag = round.send("GET", "/api/v1/predictions/" + key, null, null, null, null)
                .header("ETag");
        round.send(
                "PATCH",
                "/api/v1/predictions/" + key,
                Map.of("If-Match", etag == null ? "\"0\"" : etag),
                "application/merge-patch+json",
                "{\"metric\": {\"scale\": \"LOG\"}}",
                "a LOG scale over observations of 0 and -3");
        round.rereads(key);
    }

    /** What only a raw socket can send: HTTP/1.0 without Host, and a chunked body past the cap. */
    private static void rawRequests(HostileRound round) {
        raw(round, "GET /api/v1/nope HTTP/1.0\r\n\r\n", "HTTP/1.0 without Host");
        raw(round, "GET /api/v1/predictions HTTP/1.0\r\n\r\n", "HTTP/1.0 without Host");
        StringBuilder chunked = new StringBuilder("POST /api/v1/predictions HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + round.adminToken() + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        String chunk = "a".repeat(65_536);
        for (int i = 0; i < 8; i++) {
            chunked.append(Integer.toHexString(chunk.length()))
                    .append("\r\n")
                    .append(chunk)
                    .append("\r\n");
        }
        chunked.append("0\r\n\r\n");
        raw(round, chunked.toString(), "a chunked body past the cap");
    }

    private static void raw(HostileRound round, String request, String what) {
        URI base = URI.create(round.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before the whole body is sent: read what it said.
            }
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            round.rawAnswer(what, answer);
        } catch (IOException e) {
            // No answer at all (a reset before any byte came back) is a finding too.
            round.rawAnswer(what, "no answer: " + e);
        }
    }
}
