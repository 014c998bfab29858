import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook receivers for the benchmark's delivery figure, on 127.0.0.1 (run by src/bench/run.sh):
 *
 * <pre>
 * java src/bench/Receivers.java HEALTHY_PORT SLOW_PORT SLOW_SECONDS
 * </pre>
 *
 * The healthy one answers 204 at once; the slow one holds every request SLOW_SECONDS (longer than Hindsight's
 * attempt timeout, so that each attempt to it times out). {@code GET /stats} on either port answers
 * {@code {"count": .., "firstMs": .., "lastMs": ..}}: requests received and the epoch milliseconds of the first and
 * the last. Signatures are not checked: the test suite does that; here the receiver must cost next to nothing.
 */
public class Receivers {

    static final class Counter {
        final AtomicInteger count = new AtomicInteger();
        final AtomicLong first = new AtomicLong();
        final AtomicLong last = new AtomicLong();

        void hit() {
            long now = System.currentTimeMillis();
            first.compareAndSet(0, now);
            last.accumulateAndGet(now, Math::max);
            count.incrementAndGet();
        }

        String json() {
            return "{\"count\": " + count.get() + ", \"firstMs\": " + first.get() + ", \"lastMs\": " + last.get() + "}";
        }
    }

    public static void main(String[] args) throws IOException {
        int healthyPort = Integer.parseInt(args[0]);
        int slowPort = Integer.parseInt(args[1]);
        long slowMs = Long.parseLong(args[2]) * 1000;
        start(healthyPort, 0, Executors.newFixedThreadPool(8));
        start(slowPort, slowMs, Executors.newCachedThreadPool());
        System.out.println("receivers: healthy on " + healthyPort + ", slow (" + args[2] + " s) on " + slowPort);
    }

    static void start(int port, long holdMs, java.util.concurrent.Executor executor) throws IOException {
        Counter counter = new Counter();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.createContext("/stats", exchange -> answer(exchange, 200, counter.json()));
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            counter.hit();
            if (holdMs > 0) {
                try {
                    Thread.sleep(holdMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
