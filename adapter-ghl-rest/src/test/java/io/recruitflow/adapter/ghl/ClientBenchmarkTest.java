package io.recruitflow.adapter.ghl;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.ExternalFailure;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmarks, run only with {@code -Pbench}: the client's own overhead per call (serialization, interceptors,
 * policies) over a bare OkHttp call to the same loopback server, and the limiter against a server that
 * enforces the limit itself.
 */
@Tag("bench")
class ClientBenchmarkTest {
    private static final byte[] CONTACT =
            ("{\"contact\":" + MockGhl.contactJson("cont_1") + "}").getBytes(StandardCharsets.UTF_8);

    private static TinyHttpServer.Answer answer(int status, byte[] body) {
        return new TinyHttpServer.Answer(status, body, "");
    }

    @Test
    void clientOverheadPerCall() throws Exception {
        TinyHttpServer server = new TinyHttpServer(r -> answer(200, CONTACT));
        String base = "http://127.0.0.1:" + server.port();
        GhlClientConfig config = GhlClientConfig.builder()
                .baseUrl(base)
                .privateIntegrationToken("pit-bench")
                .defaultLocation("loc_abc123")
                .rateLimit("1000000/1s")
                .build();
        OkHttpClient raw = new OkHttpClient();
        Request rawRequest = new Request.Builder()
                .url(base + "/contacts/cont_1")
                .header("Authorization", "Bearer x")
                .header("Version", "2021-07-28")
                .build();
        // Alternating blocks of bare and client calls, so that the machine's noise hits both alike; the
        // calling thread's CPU time is the client's own work (serialization, interceptors, policies) and does
        // not count the time the thread waits for a core on a busy machine.
        int block = 250;
        int blocks = 16;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] rawWall = new double[blocks];
        double[] clientWall = new double[blocks];
        double[] rawCpu = new double[blocks];
        double[] clientCpu = new double[blocks];
        try (GhlClient ghl = GhlClient.create(config, null, Clock.system())) {
            ContactId id = new ContactId("cont_1");
            for (int i = 0; i < 3_000; i++) { // warm-up of both paths
                ghl.contacts().find(MockGhl.LOCATION, id);
                try (Response r = raw.newCall(rawRequest).execute()) {
                    r.body().bytes();
                }
            }
            for (int b = 0; b < blocks; b++) {
                long w0 = System.nanoTime();
                long c0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < block; i++) {
                    try (Response r = raw.newCall(rawRequest).execute()) {
                        r.body().bytes();
                    }
                }
                long w1 = System.nanoTime();
                long c1 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < block; i++) {
                    ghl.contacts().find(MockGhl.LOCATION, id).orElseThrow();
                }
                long w2 = System.nanoTime();
                long c2 = cpu.getCurrentThreadCpuTime();
                rawWall[b] = (w1 - w0) / 1_000.0 / block;
                clientWall[b] = (w2 - w1) / 1_000.0 / block;
                rawCpu[b] = (c1 - c0) / 1_000.0 / block;
                clientCpu[b] = (c2 - c1) / 1_000.0 / block;
            }
        } finally {
            server.close();
            raw.dispatcher().executorService().shutdown();
            raw.connectionPool().evictAll();
        }
        double wallOverhead = median(clientWall) - median(rawWall);
        double cpuOverhead = median(clientCpu) - median(rawCpu);
        System.out.printf(
                "GHL client bench: wall-clock bare OkHttp %.1f µs/call, client %.1f µs/call, overhead %.1f µs; "
                        + "caller CPU bare %.1f µs/call, client %.1f µs/call, overhead %.1f µs; target 100 µs, ratio %.2f%n",
                median(rawWall),
                median(clientWall),
                wallOverhead,
                median(rawCpu),
                median(clientCpu),
                cpuOverhead,
                cpuOverhead / 100);
        assertThat(cpuOverhead).isLessThanOrEqualTo(100.0);
    }

    @Test
    void thousandCallsAgainstAServerEnforcingTheLimitSucceedWithoutA429() throws Exception {
        int limit = 100;
        long windowNanos = 1_000_000_000L;
        ArrayDeque<Long> window = new ArrayDeque<>();
        AtomicInteger rejected = new AtomicInteger();
        TinyHttpServer server = new TinyHttpServer(request -> {
            boolean over;
            synchronized (window) { // a sliding-window log: at most `limit` requests in any second
                long now = System.nanoTime();
                while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
                    window.pollFirst();
                }
                over = window.size() >= limit;
                if (!over) {
                    window.addLast(now);
                }
            }
            if (over) {
                rejected.incrementAndGet();
                return new TinyHttpServer.Answer(
                        429,
                        "{\"statusCode\":429,\"message\":\"Too many requests\"}".getBytes(StandardCharsets.UTF_8),
                        "X-Rate-Limit-Limit: " + limit + "\r\nX-Rate-Limit-Remaining: 0\r\n");
            }
            return answer(200, CONTACT);
        });
        GhlClientConfig config = GhlClientConfig.builder()
                .baseUrl("http://127.0.0.1:" + server.port())
                .privateIntegrationToken("pit-bench")
                .defaultLocation("loc_abc123")
                .rateLimit("100/1s")
                .maxAttempts(1)
                .build();
        int total = 1_000;
        ExecutorService callers = Executors.newFixedThreadPool(6);
        AtomicInteger ok = new AtomicInteger();
        List<ExternalFailure> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long start;
        long elapsed;
        try (GhlClient ghl = GhlClient.create(config, null, Clock.system())) {
            ghl.contacts()
                    .find(
                            MockGhl.LOCATION,
                            new ContactId("warm")); // connection and class loading out of the measurement
            Thread.sleep(1_100);
            start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                futures.add(callers.submit(() -> {
                    try {
                        ghl.contacts().find(MockGhl.LOCATION, new ContactId("cont_1"));
                        ok.incrementAndGet();
                    } catch (ExternalFailure e) {
                        failures.add(e);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            elapsed = System.nanoTime() - start;
        } finally {
            callers.shutdownNow();
            server.close();
        }
        double seconds = elapsed / 1e9;
        double rate = total / seconds;
        System.out.printf(
                "GHL limiter bench: %d calls at 100/1s in %.2f s = %.1f calls/s (%.1f%% of the limit), "
                        + "%d ok, %d 429s at the server, %d failures%n",
                total, seconds, rate, rate, ok.get(), rejected.get(), failures.size());
        assertThat(failures).isEmpty();
        assertThat(rejected).hasValue(0);
        assertThat(ok).hasValue(total);
        assertThat(rate).isGreaterThanOrEqualTo(95.0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
