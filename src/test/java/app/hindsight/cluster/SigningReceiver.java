package app.hindsight.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook consumer on 127.0.0.1 that checks every Standard Webhooks signature with its own HMAC over the raw
 * body, refuses bad ones with 401, and counts deliveries by webhook-id.
 */
final class SigningReceiver implements AutoCloseable {

    private final HttpServer server;
    private volatile byte[] key;
    final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    final Map<String, String> bodies = new ConcurrentHashMap<>();
    final AtomicInteger badSignatures = new AtomicInteger();

    SigningReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void secret(String whsec) {
        key = Base64.getDecoder().decode(whsec.substring("whsec_".length()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        boolean valid = id != null && timestamp != null && signature != null && verify(id, timestamp, body, signature);
        if (!valid) {
            badSignatures.incrementAndGet();
        } else {
            received.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            bodies.put(id, new String(body, StandardCharsets.UTF_8));
        }
        exchange.sendResponseHeaders(valid ? 204 : 401, -1);
        exchange.close();
    }

    private boolean verify(String id, String timestamp, byte[] body, String header) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String candidate : header.split(" ")) {
                if (candidate.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
