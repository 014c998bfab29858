package app.hindsight.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * <p>
 * A {@link #holding} receiver is a slow one: it handles requests on as many threads as come, and answers none
 * of them before the test opens its latch; it counts how many it held at once.
 */
final class Receiver implements AutoCloseable {

    record Request(
            String webhookId,
            String timestamp,
            String signature,
            String contentType,
            String body,
            boolean signatureValid,
            int answered) {}

    private final HttpServer server;
    private final IntUnaryOperator statuses;
    private final CountDownLatch release;
    private final ExecutorService threads;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile String secret;
    /** Requests being handled now, the most at once, and how many have arrived; guarded by this. */
    private int handling;

    private int mostAtOnce;
    private int arrived;

    private Receiver(IntUnaryOperator statuses, CountDownLatch release) throws IOException {
        this.statuses = statuses;
        this.release = release;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        threads = release == null ? null : Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.start();
    }

    static Receiver answering(IntUnaryOperator statuses) throws IOException {
        return new Receiver(statuses, null);
    }

    /** A slow receiver: each request waits until {@code release} opens, then is answered 204. */
    static Receiver holding(CountDownLatch release) throws IOException {
        return new Receiver(n -> 204, release);
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

    /** Waits until n requests have arrived (answered or held); false if they have not within the timeout. */
    synchronized boolean awaitArrivals(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (arrived < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized int arrived() {
        return arrived;
    }

    /** The most requests this receiver was handling at the same time. */
    synchronized int mostAtOnce() {
        return mostAtOnce;
    }

    private void handle(HttpExchange exchange) throws IOException {
        synchronized (this) {
            handling++;
            mostAtOnce = Math.max(mostAtOnce, handling);
            arrived++;
            notifyAll();
        }
        try {
            answer(exchange);
        } finally {
            synchronized (this) {
                handling--;
            }
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        if (release != null) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
                if (candidate.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
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
        if (release != null) {
            release.countDown();
        }
        server.stop(0);
        if (threads != null) {
            threads.shutdownNow();
        }
    }
}
