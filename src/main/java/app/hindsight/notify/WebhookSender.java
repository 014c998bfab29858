package app.hindsight.notify;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.HindsightConfig;
import app.hindsight.net.OutboundTargets;
import app.hindsight.net.TargetAddresses;
import app.hindsight.outbox.Outbox;
import io.quarkus.logging.Log;

/**
 * One attempt of a delivery over HTTP: the receiver's host looked up again, then the notice's payload POSTed, signed
 * (Standard Webhooks headers), without waiting for the answer. Redirects are not followed: a receiver that moved
 * answers 3xx, which is a failed attempt; nor could a redirect then lead to an address the outbound rule refuses.
 */
@ApplicationScoped
public class WebhookSender {

    /** The attempt's error when the receiver's host resolves to an address the outbound rule refuses. */
    static final String NOT_PUBLIC =
            "not sent: the receiver's address is not public, and " + OutboundTargets.SETTINGS + " does not allow it";

    /** What sending a delivery needs: its subscription (a lane) and its notice. */
    record Post(long webhookId, String url, String secret, long noticeId, String payload) {}

    /** What came of one HTTP attempt. */
    record Sent(Outbox.Claim<Post> claim, Instant at, Integer statusCode, long durationMs, String error) {
        boolean ok() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        /** The status, or why there was none, as the log says it. */
        String what() {
            return statusCode != null ? "HTTP " + statusCode : error;
        }
    }

    @Inject
    Clock clock;

    @Inject
    HindsightConfig config;

    @Inject
    WebhookSecrets secrets;

    @Inject
    OutboundTargets targets;

    HttpClient http;

    /** Looks receivers' hosts up before each attempt; at most one thread per attempt under way. */
    private ExecutorService lookups;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder()
                .connectTimeout(config.webhooks().timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        AtomicInteger n = new AtomicInteger();
        lookups = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "webhook-lookup-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        lookups.shutdown();
    }

    /**
     * Looks the receiver's host up again, off the caller's thread (a slow resolver holds up no other lane), and POSTs
     * the notice's payload, signed, if the host still resolves to addresses it may reach; the future never fails.
     */
    CompletableFuture<Sent> send(Outbox.Claim<Post> c) {
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        long start = System.nanoTime();
        CompletableFuture<String> checked;
        try {
            checked = CompletableFuture.supplyAsync(() -> notSent(c), lookups);
        } catch (RejectedExecutionException e) {
            checked = CompletableFuture.supplyAsync(() -> notSent(c), Runnable::run); // shutting down: check it here
        }
        return checked.handle((refusal, error) -> {
                    if (error != null || refusal != null) {
                        String why = error != null
                                ? describe(error, config.webhooks().timeout())
                                : refusal;
                        return CompletableFuture.completedFuture(new Sent(c, at, null, millisSince(start), why));
                    }
                    return post(c, at, start);
                })
                .thenCompose(sent -> sent);
    }

    /**
     * Why the attempt is not made, or null. The reason stored in the log names no address and no status, so the
     * log tells an admin nothing of what lives inside the network; the service's own log says more, at debug.
     */
    private String notSent(Outbox.Claim<Post> c) {
        URI url = URI.create(c.item().url());
        TargetAddresses.Verdict verdict = targets.check(url);
        if (verdict.unresolved()) {
            return "unknown host: " + url.getHost();
        }
        if (!verdict.allowed()) {
            Log.debugf("Webhook delivery %d attempt %d not sent: %s", c.id(), c.attempt(), verdict.refusal());
            return NOT_PUBLIC;
        }
        return null;
    }

    /** POSTs the notice's payload, signed, without waiting; the future never fails. */
    private CompletableFuture<Sent> post(Outbox.Claim<Post> c, Instant at, long start) {
        Duration timeout = config.webhooks().timeout();
        Post p = c.item();
        String messageId = WebhookSignature.messageId(p.noticeId());
        long timestamp = at.getEpochSecond();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(p.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Hindsight-Webhooks/1.0")
                    .header("webhook-id", messageId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header(
                            "webhook-signature",
                            WebhookSignature.sign(secrets.open(p.secret()), messageId, timestamp, p.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(p.payload(), StandardCharsets.UTF_8))
                    .build();
            // The request timeout covers waiting for the response headers; this bounds the whole attempt.
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .orTimeout(timeout.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)
                    .handle((response, error) -> new Sent(
                            c,
                            at,
                            response == null ? null : response.statusCode(),
                            millisSince(start),
                            error == null ? null : describe(error, timeout)));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Sent(c, at, null, millisSince(start), describe(e, timeout)));
        }
    }

    /** A person-readable reason for a failed call, without stack traces; fits the attempt's error column. */
    static String describe(Throwable error, Duration timeout) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String text;
        if (t instanceof HttpConnectTimeoutException) {
            text = "could not connect within " + timeout.toMillis() + " ms";
        } else if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
            text = "no response within " + timeout.toMillis() + " ms";
        } else if (t instanceof ConnectException) {
            text = "could not connect" + detail(t, ": connection refused");
        } else if (t instanceof UnknownHostException
                || t instanceof UnresolvedAddressException
                || t.getCause() instanceof UnresolvedAddressException) {
            text = "unknown host" + detail(t, "");
        } else if (t instanceof SecretBox.SecretUnreadable) {
            text = "not sent: " + t.getMessage();
        } else if (t instanceof IOException) {
            text = "I/O error" + detail(t, "");
        } else {
            text = "request failed" + detail(t, "");
        }
        return truncate(text, WebhookAttempt.MAX_ERROR);
    }

    /** ": " and the first message along the cause chain, or the fallback. */
    private static String detail(Throwable t, String fallback) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                return ": " + c.getMessage();
            }
        }
        return fallback;
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
