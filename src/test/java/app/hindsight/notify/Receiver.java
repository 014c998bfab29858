package app.hindsight.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook consumer on 127.0.0.1 for tests. It checks each request's signature the way a consumer would,
 * with its own HMAC over the headers and the raw body (not the service's signing code), answers 401 to a
 * bad one, and otherwise answers what {@code statuses} says for the n-th request (1-based). Requests are
 * handled on the server's one dispatcher thread, before the sender's call returns: when a delivery round
 * is over, its requests are here.
 */
final class Receiver implements AutoCloseable {

    record Request(String webhookId, String timestamp, String signature, String contentType, String body,
            boolean signatureValid, int answered) {
    }

    private final HttpServer server;
    private final IntUnaryOperator statuses;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile String secret;

    private Receiver(IntUnaryOperator statuses) throws IOException {
        this.statuses = statuses;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static Receiver answering(IntUnaryOperator statuses) throws IOException {
        return new Receiver(statuses);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/hindsight";
    }

    /** The subscription's secret, known once the subscription is created. */
    void secret(String secret) {
        this.secret = secret;
    }

    String secretForTest() {
        return secret;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        String id = headers.getFirst("webhook-id");
        String timestamp = headers.getFirst("webhook-timestamp");
        String signature = headers.getFirst("webhook-signature");
        boolean valid = "POST".equals(exchange.getRequestMethod()) && verify(id, timestamp, signature, raw);
        int status = valid ? statuses.applyAsInt(requests.size() + 1) : 401;
        requests.add(new Request(id, timestamp, signature, headers.getFirst("Content-Type"), body, valid, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Standard Webhooks verification: any of the space-separated v1 signatures matches. */
    private boolean verify(String id, String timestamp, String header, byte[] body) {
        String key = secret;
        if (id == null || timestamp == null || header == null || key == null || !key.startsWith("whsec_")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String candidate : header.split(" ")) {
                if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(candidate.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
