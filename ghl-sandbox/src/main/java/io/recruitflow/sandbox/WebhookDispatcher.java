package io.recruitflow.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each event to every subscribed URL, off the request thread, the way GHL's "Automated Webhook
 * Retries" do: a delivery is retried only when the receiver answers 429, by default up to 6 times, each
 * 10 minutes after the previous attempt plus a random jitter (up to 100 s), re-sending the exact same bytes
 * with the same signatures — so the same {@code webhookId} and the original {@code timestamp}. Any other
 * answer, 5xx included, and a transport error are final.
 *
 * <p>Retries are due on the sandbox's clock, not on the wall clock: a test that moves a simulated clock ten
 * minutes forward gets the retry within milliseconds. A ticker checks every {@link #TICK} for retries due.
 *
 * <p>Each receiver gets at most {@link #MAX_IN_FLIGHT_PER_RECEIVER} requests at once; the others wait their
 * turn on the sandbox's side, and the {@link #REQUEST_TIMEOUT} of a request starts only when it is sent. The
 * signing (a 4096-bit RSA signature costs milliseconds of CPU per event) runs on threads of its own, never on
 * the HTTP client's: a burst of events to sign used to queue the client's work for requests already sent
 * behind it, so that they timed out on the sandbox's side while the receiver sat idle.
 */
final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int LOG_CAPACITY = 1000;
    /** How often (wall time) the dispatcher looks for retries due on the sandbox's clock. */
    static final Duration TICK = Duration.ofMillis(10);
    /** How long the sandbox waits for a receiver's answer to a request it sent; no answer is final. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Requests in flight to one receiver at most. GHL documents no figure; a bound keeps a burst from
     * opening hundreds of connections at once, which no webhook sender does.
     */
    static final int MAX_IN_FLIGHT_PER_RECEIVER = 16;

    /** A delivery waiting for its retry: the exact bytes and signatures of the first attempt. */
    private record Retry(
            URI target,
            byte[] body,
            String ed25519,
            String rsa,
            String webhookId,
            String type,
            int attempt,
            Instant due,
            long sequence) {}

    private final WebhookSigner signer;
    private final Clock clock;
    private final int maxRetries;
    private final Duration retryInterval;
    private final Duration retryJitter;
    private final Set<URI> subscribers = new CopyOnWriteArraySet<>();
    private final Deque<WebhookDelivery> log = new ConcurrentLinkedDeque<>();
    private final AtomicInteger logSize = new AtomicInteger();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final PriorityQueue<Retry> retries =
            new PriorityQueue<>(Comparator.comparing(Retry::due).thenComparingLong(Retry::sequence));
    private final AtomicLong sequence = new AtomicLong();
    private final Map<URI, Lane> lanes = new ConcurrentHashMap<>();
    /** The retry ticker only. */
    private final ScheduledExecutorService executor;
    /** Serialising and signing the events. */
    private final ExecutorService signing;
    /** The HTTP client's own work and the answers' handling: nothing else runs there. */
    private final ExecutorService httpThreads;

    private final HttpClient http;

    WebhookDispatcher(WebhookSigner signer, Clock clock, int maxRetries, Duration retryInterval, Duration retryJitter) {
        this.signer = signer;
        this.clock = clock;
        this.maxRetries = maxRetries;
        this.retryInterval = retryInterval;
        this.retryJitter = retryJitter;
        this.executor = Executors.newSingleThreadScheduledExecutor(daemons("ghl-sandbox-webhook-retries-"));
        this.signing = Executors.newFixedThreadPool(2, daemons("ghl-sandbox-webhook-signer-"));
        this.httpThreads = Executors.newFixedThreadPool(2, daemons("ghl-sandbox-webhooks-"));
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(httpThreads)
                .build();
        executor.scheduleWithFixedDelay(this::sendDueRetries, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemons(String prefix) {
        AtomicInteger threads = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * The requests to one receiver: at most {@link #MAX_IN_FLIGHT_PER_RECEIVER} sent and not yet answered,
     * the others waiting in order of emission.
     */
    private static final class Lane {
        private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT_PER_RECEIVER);
        private final ConcurrentLinkedQueue<Runnable> waiting = new ConcurrentLinkedQueue<>();

        void submit(Runnable send) {
            waiting.add(send);
            drain();
        }

        /** A request was answered (or failed): its slot goes to the next one waiting. */
        void done() {
            inFlight.release();
            drain();
        }

        private void drain() {
            while (!waiting.isEmpty() && inFlight.tryAcquire()) {
                Runnable next = waiting.poll();
                if (next == null) {
                    inFlight.release();
                    return;
                }
                next.run();
            }
        }
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
     * serialising and signing happen on the webhook threads, once: every attempt sends these bytes.
     * Cheap when nobody subscribed.
     */
    void emit(Map<String, Object> event) {
        if (subscribers.isEmpty()) {
            return;
        }
        event.put("webhookId", UUID.randomUUID().toString());
        event.put("timestamp", clock.instant().toString());
        List<URI> targets = new ArrayList<>(subscribers);
        signing.execute(() -> {
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

    /** Queues the attempt on its receiver's lane: it is sent when one of the receiver's slots is free. */
    private void attempt(
            URI target, byte[] body, String ed25519, String rsa, String webhookId, String type, int attempt) {
        Lane lane = lanes.computeIfAbsent(target, t -> new Lane());
        lane.submit(() -> send(lane, target, body, ed25519, rsa, webhookId, type, attempt));
    }

    private void send(
            Lane lane,
            URI target,
            byte[] body,
            String ed25519,
            String rsa,
            String webhookId,
            String type,
            int attempt) {
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-GHL-Signature", ed25519)
                .header("x-wh-signature", rsa)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        java.util.concurrent.CompletableFuture<HttpResponse<Void>> sent;
        try {
            sent = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        } catch (RuntimeException e) {
            lane.done();
            record(new WebhookDelivery(
                    webhookId, type, target.toString(), attempt, 0, "failed: " + e, clock.instant(), Optional.empty()));
            failed.increment();
            return;
        }
        long sentAt = System.nanoTime();
        sent.whenComplete((response, error) -> {
            lane.done();
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt);
            String url = target.toString();
            if (error != null) {
                record(
                        new WebhookDelivery(
                                webhookId,
                                type,
                                url,
                                attempt,
                                0,
                                "failed: " + error,
                                clock.instant(),
                                Optional.empty()),
                        tookMillis);
                failed.increment();
                return;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                record(
                        new WebhookDelivery(
                                webhookId, type, url, attempt, status, "delivered", clock.instant(), Optional.empty()),
                        tookMillis);
                delivered.increment();
            } else if (status == 429 && attempt <= maxRetries) {
                Instant answered = clock.instant();
                Instant due = answered.plus(nextDelay());
                synchronized (retries) {
                    retries.add(new Retry(
                            target, body, ed25519, rsa, webhookId, type, attempt + 1, due, sequence.incrementAndGet()));
                }
                record(
                        new WebhookDelivery(
                                webhookId, type, url, attempt, status, "retry scheduled", answered, Optional.of(due)),
                        tookMillis);
            } else if (status == 429) {
                record(
                        new WebhookDelivery(
                                webhookId, type, url, attempt, status, "given up", clock.instant(), Optional.empty()),
                        tookMillis);
                failed.increment();
            } else {
                // GHL's rule: only 429 is retried; every other answer loses the event.
                record(
                        new WebhookDelivery(
                                webhookId, type, url, attempt, status, "failed", clock.instant(), Optional.empty()),
                        tookMillis);
                failed.increment();
            }
        });
    }

    /** The interval plus a uniformly random jitter of 0 to {@code retryJitter}. */
    private Duration nextDelay() {
        long jitter = retryJitter.isZero() ? 0 : ThreadLocalRandom.current().nextLong(retryJitter.toMillis() + 1);
        return retryInterval.plusMillis(jitter);
    }

    /** Sends every retry whose time has come on the sandbox's clock, oldest first. */
    private void sendDueRetries() {
        try {
            Instant now = clock.instant();
            while (true) {
                Retry next;
                synchronized (retries) {
                    next = retries.peek();
                    if (next == null || next.due().isAfter(now)) {
                        return;
                    }
                    retries.poll();
                }
                attempt(
                        next.target(),
                        next.body(),
                        next.ed25519(),
                        next.rsa(),
                        next.webhookId(),
                        next.type(),
                        next.attempt());
            }
        } catch (RuntimeException e) {
            // A ticker that throws is never run again: log and carry on.
            LOG.warn("sending due webhook retries failed: {}", e.toString());
        }
    }

    private void record(WebhookDelivery delivery) {
        record(delivery, -1);
    }

    /** Logs the attempt with the time from sending the request to its answer (or failure), if known. */
    private void record(WebhookDelivery delivery, long tookMillis) {
        LOG.info(
                tookMillis < 0
                        ? "webhook {} {} to {} attempt {}: {} {}"
                        : "webhook {} {} to {} attempt {}: {} {} in {} ms",
                delivery.type(),
                delivery.webhookId(),
                delivery.url(),
                delivery.attempt(),
                delivery.status(),
                delivery.outcome(),
                tookMillis);
        log.addLast(delivery);
        if (logSize.incrementAndGet() > LOG_CAPACITY) {
            log.pollFirst();
            logSize.decrementAndGet();
        }
    }

    List<WebhookDelivery> deliveries() {
        return List.copyOf(log);
    }

    /** The retries waiting for their time, soonest first. */
    List<PendingWebhookRetry> pending() {
        List<Retry> copy;
        synchronized (retries) {
            copy = new ArrayList<>(retries);
        }
        copy.sort(retries.comparator());
        return copy.stream()
                .map(r -> new PendingWebhookRetry(
                        r.webhookId(), r.type(), r.target().toString(), r.attempt(), r.due()))
                .toList();
    }

    long delivered() {
        return delivered.sum();
    }

    long failed() {
        return failed.sum();
    }

    /** Counters and the delivery log to zero, and the retries waiting dropped (their state is gone). */
    void resetCounters() {
        synchronized (retries) {
            retries.clear();
        }
        delivered.reset();
        failed.reset();
        log.clear();
        logSize.set(0);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        signing.shutdownNow();
        httpThreads.shutdownNow();
    }
}
