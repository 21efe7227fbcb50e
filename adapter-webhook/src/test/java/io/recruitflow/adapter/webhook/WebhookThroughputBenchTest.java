package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.InboxEvent;
import io.recruitflow.application.port.InboxStats;
import io.recruitflow.application.port.InboxStatus;
import io.recruitflow.application.port.IncomingEvent;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Webhook receiver throughput and latency on loopback, signature verification included, against an
 * inbox stub whose commit costs what a PostgreSQL commit does (1 ms per commit + 10 µs per row).
 * Run with {@code ./mvnw -B -q verify -pl adapter-webhook -am -Pbench}; results go to stdout and
 * {@code adapter-webhook/target/bench-webhook.txt}.
 *
 * <p>The load generator is a minimal HTTP/1.1 client: one thread per keep-alive connection writing
 * pre-signed requests, so that the shared two cores go to the server rather than to a client library.
 */
@Tag("bench")
class WebhookThroughputBenchTest {

    static final Duration COMMIT_COST = Duration.ofMillis(1);
    static final Duration ROW_COST = Duration.ofNanos(10_000);
    static final int CONNECTIONS = 48;
    static final Duration SUSTAINED = Duration.ofSeconds(10);
    static final int EVENTS = 240_000; // bounded count; the run stops at whichever limit comes first

    private final StringBuilder report = new StringBuilder();

    @Test
    void webhook_receiver_throughput_and_latency() throws Exception {
        line(
                "# Webhook receiver benchmark, %s, %d cores, Java %s, load average at start: %s",
                Instant.now(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                loadAverage());
        verificationCost();

        Instant now = Instant.now();
        List<byte[]> requests = signedRequests(EVENTS, now);

        // -Dbench.jfr=/path/file.jfr profiles the group-commit run with Flight Recorder.
        String jfr = System.getProperty("bench.jfr");
        jdk.jfr.Recording recording = null;
        if (jfr != null) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.start();
        }
        sustained(
                "group commit (1 ms window, <=256/commit)", WebhookConfig.defaults(), requests.subList(0, EVENTS / 2));
        if (recording != null) {
            recording.dump(Path.of(jfr));
            recording.close();
        }
        sustained(
                "one commit per event (no group commit)",
                WebhookConfig.defaults().withGroupCommit(Duration.ZERO, 1, 20_000),
                requests.subList(EVENTS / 2, EVENTS));

        latencyAt(1_000, signedRequests(12_000, Instant.now()), new CostlyInbox(), "stub inbox");

        // The real PostgreSQL inbox (embedded, fsync on), when adapter-persistence is on the test class path.
        Optional<PostgresInbox> pg = PostgresInbox.start();
        if (pg.isPresent()) {
            try (PostgresInbox db = pg.get()) {
                List<byte[]> fresh = signedRequests(EVENTS / 2, Instant.now());
                sustained("PostgreSQL inbox, group commit", WebhookConfig.defaults(), fresh, db.inbox, null);
                latencyAt(1_000, signedRequests(12_000, Instant.now()), db.inbox, "PostgreSQL inbox");
            }
        } else {
            line("PostgreSQL inbox: skipped (adapter-persistence not on the test class path; run with -Pbench)");
        }

        line("load average at end: %s", loadAverage());
        Path out = Path.of("target", "bench-webhook.txt");
        Files.writeString(
                out,
                report.toString(),
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    // ---- Ed25519 / RSA verification cost

    private void verificationCost() throws Exception {
        byte[] body = Bodies.contactCreate("wh_verify", Instant.now());
        WebhookKeys keys = WebhookKeys.fromFile(TestKeys.publicKeysFile());
        SignatureVerifier verifier = new SignatureVerifier(keys, false);
        String ed = TestKeys.signEd25519(body);
        String rsa = TestKeys.signRsa(body);
        for (int i = 0; i < 3_000; i++) { // warm-up
            verifier.verify(ed, null, body);
            verifier.verify(null, rsa, body);
        }
        int n = 20_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            assertThat(verifier.verify(ed, null, body)).isEqualTo(SignatureVerifier.Verdict.ED25519);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < n / 4; i++) {
            assertThat(verifier.verify(null, rsa, body)).isEqualTo(SignatureVerifier.Verdict.RSA);
        }
        long t2 = System.nanoTime();
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        byte[] edBytes = java.util.Base64.getDecoder().decode(ed);
        int m = 500;
        long t3 = System.nanoTime();
        for (int i = 0; i < m; i++) {
            jdk.initVerify(keys.ed25519().get(0));
            jdk.update(body);
            assertThat(jdk.verify(edBytes)).isTrue();
        }
        long t4 = System.nanoTime();
        line(
                "for comparison, JDK %s SunEC Ed25519: %.1f us/event",
                System.getProperty("java.version"), (t4 - t3) / 1e3 / m);
        line(
                "verify Ed25519 (Bouncy Castle): %.1f us/event; RSA-4096 SHA-256 (JDK): %.1f us/event (one core)",
                (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / (n / 4.0));
    }

    // ---- sustained throughput: closed loop, many keep-alive connections

    private void sustained(String label, WebhookConfig base, List<byte[]> requests) throws Exception {
        CostlyInbox inbox = new CostlyInbox();
        sustained(label, base, requests, inbox, inbox);
    }

    private void sustained(String label, WebhookConfig base, List<byte[]> requests, EventInbox inbox, CostlyInbox stub)
            throws Exception {
        WebhookServer server = WebhookServer.builder(base.withPublicKeys(TestKeys.publicKeysFile()))
                .inbox(inbox)
                .build();
        int port = server.start(0);
        try {
            warmUp(port, signedRequests(5_000, Instant.now()));
            if (stub != null) {
                stub.reset();
            }
            AtomicInteger next = new AtomicInteger();
            AtomicLong ok = new AtomicLong();
            AtomicLong other = new AtomicLong();
            long deadline = System.nanoTime() + SUSTAINED.toNanos();
            CountDownLatch done = new CountDownLatch(CONNECTIONS);
            long t0 = System.nanoTime();
            for (int c = 0; c < CONNECTIONS; c++) {
                Thread t = new Thread(
                        () -> {
                            try (Connection conn = new Connection(port)) {
                                int i;
                                while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < requests.size()) {
                                    int status = conn.exchange(requests.get(i));
                                    (status == 200 ? ok : other).incrementAndGet();
                                }
                            } catch (IOException e) {
                                other.incrementAndGet();
                            } finally {
                                done.countDown();
                            }
                        },
                        "bench-client-" + c);
                t.start();
            }
            assertThat(done.await(SUSTAINED.toSeconds() + 60, TimeUnit.SECONDS)).isTrue();
            double seconds = (System.nanoTime() - t0) / 1e9;
            String commits = stub == null
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            ", %d commits, %.1f events/commit",
                            stub.commits.get(),
                            stub.rows.get() / (double) Math.max(1, stub.commits.get()));
            line(
                    "%s: %,.0f events/s sustained (%,d acknowledged in %.1f s, %d other answers, %d connections%s)",
                    label, ok.get() / seconds, ok.get(), seconds, other.get(), CONNECTIONS, commits);
            assertThat(other.get()).isZero();
            if (stub != null) {
                assertThat(stub.rows.get()).isEqualTo(ok.get());
            }
        } finally {
            server.stop(Duration.ofSeconds(5));
        }
    }

    // ---- latency at a fixed rate: open loop, measured from each request's scheduled start

    private void latencyAt(int perSecond, List<byte[]> requests, EventInbox inbox, String label) throws Exception {
        WebhookServer server = WebhookServer.builder(WebhookConfig.defaults().withPublicKeys(TestKeys.publicKeysFile()))
                .inbox(inbox)
                .build();
        int port = server.start(0);
        try {
            warmUp(port, signedRequests(5_000, Instant.now()));
            int connections = 16;
            long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
            int total = Math.min(requests.size(), perSecond * 10);
            long[] latencies = new long[total];
            AtomicInteger failures = new AtomicInteger();
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
            CountDownLatch done = new CountDownLatch(connections);
            for (int c = 0; c < connections; c++) {
                int first = c;
                Thread t = new Thread(
                        () -> {
                            try (Connection conn = new Connection(port)) {
                                for (int i = first; i < total; i += connections) {
                                    long scheduled = start + i * intervalNanos;
                                    long wait = scheduled - System.nanoTime();
                                    if (wait > 0) {
                                        LockSupport.parkNanos(wait);
                                    }
                                    if (conn.exchange(requests.get(i)) != 200) {
                                        failures.incrementAndGet();
                                    }
                                    latencies[i] = System.nanoTime() - scheduled;
                                }
                            } catch (IOException e) {
                                failures.incrementAndGet();
                            } finally {
                                done.countDown();
                            }
                        },
                        "bench-rate-" + c);
                t.start();
            }
            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
            Arrays.sort(latencies);
            line(
                    "%s, latency at %,d events/s for %d s (%d connections, from scheduled send): p50 %.2f ms, "
                            + "p99 %.2f ms, p99.9 %.2f ms, max %.2f ms, %d failures",
                    label,
                    perSecond,
                    total / perSecond,
                    connections,
                    ms(latencies, 0.50),
                    ms(latencies, 0.99),
                    ms(latencies, 0.999),
                    latencies[total - 1] / 1e6,
                    failures.get());
            assertThat(failures.get()).isZero();
        } finally {
            server.stop(Duration.ofSeconds(5));
        }
    }

    /**
     * adapter-persistence's embedded PostgreSQL and its inbox, reached by reflection so that this module
     * never compiles against another adapter.
     */
    static final class PostgresInbox implements AutoCloseable {
        final EventInbox inbox;
        private final AutoCloseable database;
        private final Path dir;

        private PostgresInbox(EventInbox inbox, AutoCloseable database, Path dir) {
            this.inbox = inbox;
            this.database = database;
            this.dir = dir;
        }

        static Optional<PostgresInbox> start() throws Exception {
            Class<?> databaseClass;
            try {
                databaseClass = Class.forName("io.recruitflow.adapter.persistence.Database");
            } catch (ClassNotFoundException absent) {
                return Optional.empty();
            }
            Class<?> configClass = Class.forName("io.recruitflow.adapter.persistence.DatabaseConfig");
            Path dir = Files.createTempDirectory("webhook-bench-pg");
            Object config = configClass.getMethod("embedded", Path.class).invoke(null, dir);
            AutoCloseable database = (AutoCloseable)
                    databaseClass.getMethod("start", configClass).invoke(null, config);
            Object jdbi = databaseClass.getMethod("jdbi").invoke(database);
            Class<?> inboxClass = Class.forName("io.recruitflow.adapter.persistence.PostgresEventInbox");
            // Package-private in its adapter: reached by reflection, like the adapter itself.
            var constructor = inboxClass.getDeclaredConstructor(Class.forName("org.jdbi.v3.core.Jdbi"));
            constructor.setAccessible(true);
            EventInbox inbox = (EventInbox) constructor.newInstance(jdbi);
            return Optional.of(new PostgresInbox(inbox, database, dir));
        }

        @Override
        public void close() throws Exception {
            database.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The machine is shared: every figure is reported with the load it was measured under. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static void warmUp(int port, List<byte[]> requests) throws Exception {
        AtomicInteger next = new AtomicInteger();
        Thread[] threads = new Thread[8];
        for (int c = 0; c < threads.length; c++) {
            threads[c] = new Thread(() -> {
                try (Connection conn = new Connection(port)) {
                    int i;
                    while ((i = next.getAndIncrement()) < requests.size()) {
                        conn.exchange(requests.get(i));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /** Complete HTTP/1.1 requests with an Ed25519-signed GHL body each, all distinct webhook ids. */
    private static List<byte[]> signedRequests(int n, Instant timestamp) throws Exception {
        // Bouncy Castle signs far faster than JDK 17; same key, same (deterministic) signatures.
        Ed25519PrivateKeyParameters key =
                (Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(TestKeys.ED25519.getEncoded());
        String run = Long.toString(System.nanoTime(), 36);
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] body = Bodies.contactCreate("wh_" + run + "_" + i, timestamp);
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, key);
            signer.update(body, 0, body.length);
            String sig = java.util.Base64.getEncoder().encodeToString(signer.generateSignature());
            byte[] head = ("POST /webhooks/ghl HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + SignatureVerifier.ED25519_HEADER + ": " + sig + "\r\nContent-Length: " + body.length
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            out.add(request);
        }
        return out;
    }

    private void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        System.out.println(s);
        report.append(s).append('\n');
    }

    /** One keep-alive HTTP/1.1 connection; reads just enough of each response to frame it. */
    static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = readLine();
            int code = Integer.parseInt(status.substring(9, 12));
            int length = 0;
            String header;
            while (!(header = readLine()).isEmpty()) {
                if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).strip());
                }
            }
            in.skipNBytes(length);
            return code;
        }

        private String readLine() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    sb.append((char) b);
                }
            }
            return sb.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A store-nothing-twice inbox whose every commit costs {@link #COMMIT_COST} plus {@link #ROW_COST} a row. */
    static final class CostlyInbox implements EventInbox {
        final ConcurrentHashMap<String, Boolean> ids = new ConcurrentHashMap<>();
        final AtomicLong commits = new AtomicLong();
        final AtomicLong rows = new AtomicLong();

        void reset() {
            commits.set(0);
            rows.set(0);
        }

        @Override
        public List<Stored> storeAll(List<IncomingEvent> events) {
            LockSupport.parkNanos(COMMIT_COST.toNanos() + ROW_COST.toNanos() * events.size());
            List<Stored> out = new ArrayList<>(events.size());
            for (IncomingEvent e : events) {
                boolean fresh = ids.putIfAbsent(e.webhookId(), Boolean.TRUE) == null;
                out.add(fresh ? Stored.STORED : Stored.DUPLICATE);
            }
            commits.incrementAndGet();
            rows.addAndGet(events.size());
            return out;
        }

        @Override
        public Optional<InboxEvent> find(String webhookId) {
            return Optional.empty();
        }

        @Override
        public List<InboxEvent> due(Instant now, int limit) {
            return List.of();
        }

        @Override
        public void markProcessed(String webhookId) {}

        @Override
        public void markIgnored(String webhookId, String reason) {}

        @Override
        public void markFailed(String webhookId, String error, Instant retryAt) {}

        @Override
        public void markDead(String webhookId, String error) {}

        @Override
        public InboxStats stats() {
            return new InboxStats(ids.size(), 0, 0, 0, 0, 0);
        }

        @Override
        public List<InboxEvent> list(InboxStatus status, int limit) {
            return List.of();
        }
    }
}
