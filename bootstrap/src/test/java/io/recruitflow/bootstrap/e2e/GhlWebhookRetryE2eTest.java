package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.persistence.Database;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.InboxEvent;
import io.recruitflow.application.port.InboxStatus;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.demo.DemoClock;
import io.recruitflow.bootstrap.runtime.JavaClocks;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.PendingWebhookRetry;
import io.recruitflow.sandbox.SandboxConfig;
import io.recruitflow.sandbox.WebhookDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * GHL's real retry schedule against the real adapters: the embedded PostgreSQL, the real receiver and
 * inbox, the job queue, and the sandbox retrying a 429 the way GHL does — ten (simulated) minutes later,
 * with the same bytes, so with a {@code timestamp} that is ten minutes old by then. One clock drives
 * Recruitflow, its job queue and the sandbox; it runs at real speed and jumps the ten minutes.
 */
class GhlWebhookRetryE2eTest {
    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * The inbox cannot store while a recruit texts STOP: its table refuses inserts as a read-only database does
     * (SQLSTATE 25006, as after a failover to a standby). The receiver answers 429; the sandbox retries ten
     * minutes and some jitter later with the same payload; the receiver accepts the ten-minute-old timestamp,
     * stores the event once and the recruit is opted out. With the receiver's old five-minute tolerance the
     * retry got a 401, which GHL treats as final: the STOP was lost.
     *
     * <p>Why not SIGSTOP, as {@link DatabaseOutageE2eTest} does: a statement already sent to a frozen server
     * commits when it resumes, so the first delivery may be stored after all and the loss would not show.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aStopAnswered429IsStoredOnceAndAppliedWhenGhlRetriesItTenMinutesLater() throws Exception {
        DemoClock clock = new DemoClock(Instant.now());
        try (GhlSandbox sandbox = GhlSandbox.start(
                SandboxConfig.defaults().withPort(0).withRateLimit("100/1s").withClock(JavaClocks.of(clock)))) {
            Settings settings = E2e.signedSettings(sandbox, dir, "an-admin-token-for-the-retry-test");
            try (RecruitflowRuntime runtime = RecruitflowRuntime.open(RecruitflowConfig.from(settings), clock)) {
                int port = runtime.startHttp();
                sandbox.subscribeWebhooks(URI.create("http://127.0.0.1:" + port + "/webhooks/ghl"));
                runtime.startJobs();
                Recruit recruit = E2e.importOneRecruit(runtime, dir);
                String contact = recruit.contactId().orElseThrow().value();
                EventInbox inbox = runtime.injector().getInstance(EventInbox.class);
                Recruits recruits = runtime.injector().getInstance(Recruits.class);
                Database database = runtime.injector().getInstance(Database.class);

                inboxRefusesInserts(database, true);
                PendingWebhookRetry retry;
                try {
                    sandbox.simulateInboundMessage(contact, "STOP", "SMS");
                    E2e.await(
                            Duration.ofSeconds(20),
                            Duration.ofMillis(20),
                            () -> pendingInbound(sandbox).isPresent(),
                            () -> "no InboundMessage retry scheduled; deliveries " + sandbox.webhookDeliveries());
                    retry = pendingInbound(sandbox).orElseThrow();
                    assertThat(deliveries(sandbox, retry.webhookId()))
                            .extracting(WebhookDelivery::attempt, WebhookDelivery::status)
                            .as("the first delivery could not be stored: 429, so that GHL retries")
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 429));
                    assertThat(inbox.find(retry.webhookId())).isEmpty();
                } finally {
                    inboxRefusesInserts(database, false);
                }
                Instant firstAttempt =
                        deliveries(sandbox, retry.webhookId()).get(0).at();
                assertThat(Duration.between(firstAttempt, retry.dueAt()))
                        .as("GHL's interval: 10 minutes plus jitter")
                        .isBetween(
                                Duration.ofMinutes(10), Duration.ofMinutes(10).plusSeconds(100));
                assertThat(recruits.find(recruit.id()).orElseThrow().consent().optedOut())
                        .isFalse();

                clock.advanceTo(retry.dueAt()); // ten minutes pass, for Recruitflow and GHL alike
                E2e.await(
                        Duration.ofSeconds(20),
                        Duration.ofMillis(20),
                        () -> deliveries(sandbox, retry.webhookId()).size() == 2,
                        () -> "no retry answered; deliveries " + sandbox.webhookDeliveries());
                WebhookDelivery second = deliveries(sandbox, retry.webhookId()).get(1);
                assertThat(second.status())
                        .as("the retry, its timestamp ~10 minutes old: accepted, not refused as stale")
                        .isEqualTo(200);
                E2e.await(
                        Duration.ofSeconds(30),
                        Duration.ofMillis(50),
                        () -> inbox.find(retry.webhookId())
                                .map(e -> e.status() == InboxStatus.PROCESSED)
                                .orElse(false),
                        () -> "the STOP was not applied; inbox " + inbox.find(retry.webhookId()));
                assertThat(recruits.find(recruit.id()).orElseThrow().consent().optedOut())
                        .as("the recruit's STOP")
                        .isTrue();

                InboxEvent stored = inbox.find(retry.webhookId()).orElseThrow();
                assertThat(Duration.between(
                                stored.event().timestamp(), stored.event().receivedAt()))
                        .isGreaterThanOrEqualTo(Duration.ofMinutes(10));
                String metrics = get(port, "/metrics");
                assertThat(counter(metrics, "unavailable", "InboundMessage")).isEqualTo(1);
                assertThat(counter(metrics, "stored", "InboundMessage"))
                        .as("stored once")
                        .isEqualTo(1);
                assertThat(counter(metrics, "stale", "InboundMessage")).isZero();
                assertThat(sandbox.stats().webhooksFailed()).isZero();
            }
        }
    }

    /**
     * A batch of concurrent webhooks, one of which PostgreSQL cannot hold (a NUL character, legal in JSON, in
     * its contact id): that one answers 422 on its own, the others are stored — before, the whole batch got
     * 429, and again on every retry.
     */
    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aWebhookPostgresRefusesAnswersAloneAndTheRestOfItsBatchIsStored() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Settings settings = E2e.receiverOnlySettings(dir, keys, "an-admin-token-for-the-batch-test");
        RecruitflowConfig config = RecruitflowConfig.from(settings);
        // A 50 ms group-commit window gathers the concurrent requests into one batch.
        config = config.withWebhook(config.webhook().withGroupCommit(Duration.ofMillis(50), 256, 20_000));
        try (RecruitflowRuntime runtime = RecruitflowRuntime.open(config, Clock.system())) {
            int port = runtime.startHttp();
            EventInbox inbox = runtime.injector().getInstance(EventInbox.class);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                // Until a round had the bad event in a batch with others (nearly always the first).
                for (int round = 0; round < 5 && counter(get(port, "/metrics"), "batch_retried") == 0; round++) {
                    Map<String, Future<Integer>> answers = new LinkedHashMap<>();
                    for (int i = 0; i < 8; i++) {
                        String id = "wh-" + round + "-" + i;
                        String contact = i == 3 ? "c\\u0000x" : "c" + i;
                        answers.put(id, pool.submit(() -> post(port, keys, id, contact)));
                    }
                    for (var a : answers.entrySet()) {
                        int status = a.getValue().get(30, TimeUnit.SECONDS);
                        if (a.getKey().endsWith("-3")) {
                            assertThat(status).as("the refused one").isEqualTo(422);
                            assertThat(inbox.find(a.getKey())).isEmpty();
                        } else {
                            assertThat(status).as(a.getKey()).isEqualTo(200);
                            assertThat(inbox.find(a.getKey())).isPresent();
                        }
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(counter(get(port, "/metrics"), "batch_retried"))
                    .as("the refused event shared a failed batch at least once")
                    .isPositive();
        }
    }

    /**
     * A burst of webhooks while the inbox's table is locked (a stalled database: every insert waits): each
     * delivery is answered 429 within the store timeout, none times out on the sandbox's side (GHL would drop
     * it), and after GHL's retries ten minutes later every event is stored exactly once.
     */
    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void aBurstWhileTheInboxIsStalledIsAnswered429InTimeAndStoredOnceAfterGhlsRetries() throws Exception {
        DemoClock clock = new DemoClock(Instant.now());
        int burst = 40;
        try (GhlSandbox sandbox = GhlSandbox.start(
                SandboxConfig.defaults().withPort(0).withRateLimit("100/1s").withClock(JavaClocks.of(clock)))) {
            Settings settings = E2e.signedSettings(sandbox, dir, "an-admin-token-for-the-retry-test");
            try (RecruitflowRuntime runtime = RecruitflowRuntime.open(RecruitflowConfig.from(settings), clock)) {
                int port = runtime.startHttp();
                sandbox.subscribeWebhooks(URI.create("http://127.0.0.1:" + port + "/webhooks/ghl"));
                runtime.startJobs();
                Recruit recruit = E2e.importOneRecruit(runtime, dir);
                String contact = recruit.contactId().orElseThrow().value();
                E2e.await(
                        Duration.ofSeconds(30),
                        Duration.ofMillis(50),
                        () -> sandbox.webhookDeliveries().stream().noneMatch(d -> d.status() == 0)
                                && sandbox.pendingWebhookRetries().isEmpty(),
                        () -> "intake webhooks not settled; deliveries " + sandbox.webhookDeliveries());
                EventInbox inbox = runtime.injector().getInstance(EventInbox.class);
                Database database = runtime.injector().getInstance(Database.class);

                List<String> ids = new ArrayList<>();
                try (org.jdbi.v3.core.Handle lock = database.jdbi().open()) {
                    lock.begin();
                    lock.execute("LOCK TABLE inbox_events IN ACCESS EXCLUSIVE MODE");
                    for (int i = 0; i < burst; i++) {
                        sandbox.simulateInboundMessage(contact, "Thanks " + i, "SMS");
                    }
                    E2e.await(
                            Duration.ofSeconds(60),
                            Duration.ofMillis(50),
                            () -> inbound(sandbox).size() >= burst,
                            () -> "not every delivery answered; deliveries " + sandbox.webhookDeliveries());
                    lock.rollback();
                }
                List<WebhookDelivery> first = inbound(sandbox);
                assertThat(first)
                        .as("each answered 200 or 429, none lost to a timeout")
                        .allSatisfy(d -> assertThat(d.status()).isIn(200, 429));
                assertThat(first).extracting(WebhookDelivery::status).contains(429);
                assertThat(sandbox.stats().webhooksFailed()).isZero();
                first.forEach(d -> ids.add(d.webhookId()));
                double slowest = gauge(get(port, "/metrics"), "recruitflow_webhook_handling_seconds_max");
                assertThat(slowest)
                        .as("answered within the store timeout (3 s) and some scheduling")
                        .isLessThan(4.0);

                clock.advanceTo(clock.now().plus(Duration.ofMinutes(12))); // past every retry's due time
                E2e.await(
                        Duration.ofSeconds(60),
                        Duration.ofMillis(50),
                        () -> sandbox.pendingWebhookRetries().isEmpty()
                                && ids.stream()
                                        .allMatch(id ->
                                                deliveries(sandbox, id).stream().anyMatch(d -> d.status() == 200)),
                        () -> "retries not delivered; deliveries " + sandbox.webhookDeliveries());
                assertThat(ids).doesNotHaveDuplicates().hasSize(burst);
                assertThat(ids).allSatisfy(id -> assertThat(inbox.find(id)).isPresent());
                // Some were committed when the lock went (answered 429 all the same): their retry is a duplicate.
                String metrics = get(port, "/metrics");
                assertThat(counter(metrics, "stored", "InboundMessage")
                                + counter(metrics, "duplicate", "InboundMessage"))
                        .as("each retry answered 200 once")
                        .isEqualTo(burst);
                int rows = database.jdbi()
                        .withHandle(h -> h.createQuery(
                                        "SELECT count(*) FROM inbox_events WHERE event_type = 'InboundMessage'")
                                .mapTo(Integer.class)
                                .one());
                assertThat(rows).as("every event stored exactly once").isEqualTo(burst);
                assertThat(sandbox.stats().webhooksFailed()).isZero();
            }
        }
    }

    private static List<WebhookDelivery> inbound(GhlSandbox sandbox) {
        return sandbox.webhookDeliveries().stream()
                .filter(d -> d.type().equals("InboundMessage") && d.attempt() == 1)
                .toList();
    }

    private static double gauge(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " ([0-9.Ee+-]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** The inbox's table refuses inserts as a read-only database does, or again accepts them. */
    private static void inboxRefusesInserts(Database database, boolean refuse) {
        database.jdbi().useHandle(h -> {
            if (refuse) {
                h.execute("CREATE FUNCTION e2e_inbox_read_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "RAISE EXCEPTION 'cannot execute INSERT in a read-only transaction' "
                        + "USING ERRCODE = 'read_only_sql_transaction'; END $$");
                h.execute("CREATE TRIGGER e2e_inbox_read_only BEFORE INSERT ON inbox_events "
                        + "FOR EACH STATEMENT EXECUTE FUNCTION e2e_inbox_read_only()");
            } else {
                h.execute("DROP TRIGGER e2e_inbox_read_only ON inbox_events");
                h.execute("DROP FUNCTION e2e_inbox_read_only()");
            }
        });
    }

    private static Optional<PendingWebhookRetry> pendingInbound(GhlSandbox sandbox) {
        return sandbox.pendingWebhookRetries().stream()
                .filter(p -> p.type().equals("InboundMessage"))
                .findFirst();
    }

    private static List<WebhookDelivery> deliveries(GhlSandbox sandbox, String webhookId) {
        List<WebhookDelivery> out = new ArrayList<>();
        for (WebhookDelivery d : sandbox.webhookDeliveries()) {
            if (d.webhookId().equals(webhookId)) {
                out.add(d);
            }
        }
        return out;
    }

    /** {@code recruitflow_webhooks_total{outcome, type}} from the Prometheus text. */
    private static long counter(String metrics, String outcome, String type) {
        Matcher m = Pattern.compile(
                        "recruitflow_webhooks_total\\{outcome=\"" + outcome + "\",type=\"" + type + "\"} ([0-9.]+)")
                .matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    /** {@code recruitflow_webhook_inbox_<name>_total} from the Prometheus text. */
    private static long counter(String metrics, String name) {
        Matcher m = Pattern.compile("recruitflow_webhook_inbox_" + name + "_total ([0-9.]+)")
                .matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    private String get(int port, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private int post(int port, KeyPair keys, String webhookId, String contactJson) throws Exception {
        byte[] body = ("{\"type\":\"NoteCreate\",\"webhookId\":\"" + webhookId + "\",\"locationId\":\"loc_abc123\","
                        + "\"contactId\":\"" + contactJson + "\",\"timestamp\":\"" + Instant.now()
                        + "\",\"body\":\"a note\"}")
                .getBytes(StandardCharsets.UTF_8);
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(keys.getPrivate());
        ed.update(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/ghl"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-GHL-Signature", Base64.getEncoder().encodeToString(ed.sign()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
