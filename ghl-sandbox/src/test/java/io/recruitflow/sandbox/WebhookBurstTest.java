package io.recruitflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A burst of events (an import of 2,000 leads emits ~40 a second for a minute) must not time out on the
 * sandbox's side while the receiver is idle. Before the fix the signing of the queued events (4096-bit RSA)
 * ran on the HTTP client's two threads: the client's work for the requests already sent waited behind it,
 * and their 10 s timeout fired before they were even written (847 of 9,790 webhooks lost in the lead's run).
 */
class WebhookBurstTest {
    private static final int EVENTS = 1200;
    /** Emitted at 100 a second, an import's pace with the sandbox's 100/1s limit and a few events per call. */
    private static final long EMIT_EVERY_MILLIS = 10;
    /** What a receiver waiting for its group commit takes per request. */
    private static final long ANSWER_MILLIS = 20;
    /**
     * What one 4096-bit RSA signature takes on a loaded machine (2 cores, other builds): two threads sign
     * about 66 events a second, fewer than are emitted, so a backlog of signing builds up for 12 s.
     */
    private static final long SIGNING_MILLIS = 30;

    /** The sandbox's signer, slowed down to a loaded machine's pace. */
    private static final class LoadedMachineSigner extends WebhookSigner {
        LoadedMachineSigner() {
            super(WebhookSigner.generated());
        }

        @Override
        String signRsa(byte[] body) {
            try {
                Thread.sleep(SIGNING_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.signRsa(body);
        }
    }

    @Test
    void aBurstIsDeliveredWholeWithABoundedNumberOfRequestsInFlight() throws Exception {
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(64);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(threads);
        server.createContext("/hook", exchange -> {
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            try {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                @SuppressWarnings("unchecked")
                Map<String, Object> json = (Map<String, Object>) Json.parse(body);
                received.computeIfAbsent((String) json.get("webhookId"), k -> new AtomicInteger())
                        .incrementAndGet();
                Thread.sleep(ANSWER_MILLIS);
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
        try (WebhookDispatcher dispatcher = new WebhookDispatcher(
                new LoadedMachineSigner(), Clock.systemUTC(), 6, Duration.ofMinutes(10), Duration.ZERO)) {
            dispatcher.subscribe(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"));
            for (int i = 0; i < EVENTS; i++) {
                Map<String, Object> event = new HashMap<>();
                event.put("type", "ContactCreate");
                event.put("locationId", "loc_abc123");
                event.put("id", "c" + i);
                dispatcher.emit(event);
                Thread.sleep(EMIT_EVERY_MILLIS);
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (dispatcher.delivered() + dispatcher.failed() < EVENTS && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(dispatcher.failed()).as("deliveries lost").isZero();
            assertThat(dispatcher.delivered()).isEqualTo(EVENTS);
            assertThat(received).hasSize(EVENTS);
            assertThat(received.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            assertThat(mostInFlight.get()).isLessThanOrEqualTo(WebhookDispatcher.MAX_IN_FLIGHT_PER_RECEIVER);
        } finally {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
