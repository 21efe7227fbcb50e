package io.recruitflow.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each event to every subscribed URL, off the request thread. Like GHL, it retries a delivery
 * only when the receiver answers 429 (by default 6 times, 10 minutes apart); any other answer,
 * 5xx included, and any transport error is final.
 */
final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int LOG_CAPACITY = 1000;

    /** One attempt to deliver an event, as logged and shown by {@code GET /_sandbox/webhooks/deliveries}. */
    record Delivery(String webhookId, String type, String url, int attempt, int status, String outcome, String at) {
        Map<String, Object> toJson() {
            return Json.obj(
                    "webhookId",
                    webhookId,
                    "type",
                    type,
                    "url",
                    url,
                    "attempt",
                    attempt,
                    "status",
                    status,
                    "outcome",
                    outcome,
                    "at",
                    at);
        }
    }

    private final WebhookSigner signer;
    private final Clock clock;
    private final int maxRetries;
    private final Duration retryInterval;
    private final Set<URI> subscribers = new CopyOnWriteArraySet<>();
    private final Deque<Delivery> log = new ConcurrentLinkedDeque<>();
    private final AtomicInteger logSize = new AtomicInteger();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final ScheduledExecutorService executor;
    private final HttpClient http;

    WebhookDispatcher(WebhookSigner signer, Clock clock, int maxRetries, Duration retryInterval) {
        this.signer = signer;
        this.clock = clock;
        this.maxRetries = maxRetries;
        this.retryInterval = retryInterval;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "ghl-sandbox-webhooks-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
    }

    void subscribe(URI url) {
        if (subscribers.add(url)) {
            LOG.info("webhook receiver subscribed: {}", url);
        }
    }

    void unsubscribeAll() {
        subscribers.clear();
    }

    Set<URI> subscribers() {
        return Set.copyOf(subscribers);
    }

    /**
     * Queues an event for every subscriber. It gets its {@code webhookId} and {@code timestamp} here;
     * serialising and signing happen on the webhook threads. Cheap when nobody subscribed.
     */
    void emit(Map<String, Object> event) {
        if (subscribers.isEmpty()) {
            return;
        }
        event.put("webhookId", UUID.randomUUID().toString());
        event.put("timestamp", clock.instant().toString());
        List<URI> targets = new ArrayList<>(subscribers);
        executor.execute(() -> {
            byte[] body = Json.write(event);
            String ed25519 = signer.signEd25519(body);
            String rsa = signer.signRsa(body);
            for (URI target : targets) {
                attempt(
                        target,
                        body,
                        ed25519,
                        rsa,
                        String.valueOf(event.get("webhookId")),
                        String.valueOf(event.get("type")),
                        1);
            }
        });
    }

    private void attempt(
            URI target, byte[] body, String ed25519, String rsa, String webhookId, String type, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-GHL-Signature", ed25519)
                .header("x-wh-signature", rsa)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null) {
                record(new Delivery(webhookId, type, target.toString(), attempt, 0, "failed: " + error, now()));
                failed.increment();
                return;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                record(new Delivery(webhookId, type, target.toString(), attempt, status, "delivered", now()));
                delivered.increment();
            } else if (status == 429 && attempt <= maxRetries) {
                record(new Delivery(webhookId, type, target.toString(), attempt, status, "retry scheduled", now()));
                executor.schedule(
                        () -> attempt(target, body, ed25519, rsa, webhookId, type, attempt + 1),
                        retryInterval.toMillis(),
                        TimeUnit.MILLISECONDS);
            } else {
                // GHL's rule: only 429 is retried; every other answer loses the event.
                record(new Delivery(webhookId, type, target.toString(), attempt, status, "failed", now()));
                failed.increment();
            }
        });
    }

    private String now() {
        return clock.instant().toString();
    }

    private void record(Delivery delivery) {
        LOG.info(
                "webhook {} {} to {} attempt {}: {} {}",
                delivery.type(),
                delivery.webhookId(),
                delivery.url(),
                delivery.attempt(),
                delivery.status(),
                delivery.outcome());
        log.addLast(delivery);
        if (logSize.incrementAndGet() > LOG_CAPACITY) {
            log.pollFirst();
            logSize.decrementAndGet();
        }
    }

    List<Delivery> deliveries() {
        return List.copyOf(log);
    }

    long delivered() {
        return delivered.sum();
    }

    long failed() {
        return failed.sum();
    }

    void resetCounters() {
        delivered.reset();
        failed.reset();
        log.clear();
        logSize.set(0);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
