package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.IncomingEvent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every answer of {@code POST /webhooks/ghl}, over real HTTP against the running server. */
class WebhookReceiverHttpTest {

    static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeEventInbox inbox = new FakeEventInbox();
    private final List<IncomingEvent> notified = new CopyOnWriteArrayList<>();
    private WebhookServer server;
    private Http http;

    private void start(UnaryOperator<WebhookConfig> tweak) {
        WebhookConfig config = tweak.apply(WebhookConfig.defaults().withPublicKeys(TestKeys.publicKeysFile()));
        server = WebhookServer.builder(config)
                .inbox(inbox)
                .clock(clock)
                .inboxListener(notified::addAll)
                .build();
        http = new Http(server.start(0));
    }

    private void start() {
        start(c -> c);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(2));
        }
    }

    @Test
    void a_signed_event_is_stored_with_its_exact_bytes_and_acknowledged() {
        start();
        byte[] body = Bodies.contactCreate("wh_1", NOW);
        HttpResponse<String> r = http.webhook(body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("stored");
        IncomingEvent stored = inbox.find("wh_1").orElseThrow().event();
        assertThat(stored.rawBody()).isEqualTo(body);
        assertThat(stored.type()).isEqualTo("ContactCreate");
        assertThat(stored.locationId()).contains("loc_1");
        assertThat(stored.contactId()).contains("contact_1"); // a contact event's contact is its "id"
        assertThat(stored.timestamp()).isEqualTo(NOW);
        assertThat(stored.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void the_legacy_rsa_signature_alone_is_accepted() {
        start();
        byte[] body = Bodies.contactCreate("wh_rsa", NOW);
        HttpResponse<String> r = http.post("/webhooks/ghl", body, SignatureVerifier.RSA_HEADER, TestKeys.signRsa(body));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(inbox.find("wh_rsa")).isPresent();
    }

    @Test
    void a_repeated_webhook_id_answers_200_and_is_neither_stored_nor_dispatched_again() {
        start();
        byte[] body = Bodies.contactCreate("wh_dup", NOW);
        assertThat(http.webhook(body).statusCode()).isEqualTo(200);
        HttpResponse<String> again = http.webhook(body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("duplicate");
        assertThat(inbox.size()).isEqualTo(1);
        await(() -> notified.size() == 1);
        assertThat(notified).extracting(IncomingEvent::webhookId).containsExactly("wh_dup");
    }

    @Test
    void concurrent_deliveries_of_one_event_store_it_once() throws Exception {
        start();
        byte[] body = Bodies.contactCreate("wh_race", NOW);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return http.webhook(body).statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> a : answers) {
                assertThat(a.get(20, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(inbox.size()).isEqualTo(1);
    }

    @Test
    void concurrent_events_are_group_committed() throws Exception {
        inbox.commitCost(Duration.ofMillis(5));
        start();
        int n = 64;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                byte[] body = Bodies.contactCreate("wh_batch_" + i, NOW);
                answers.add(pool.submit(() -> http.webhook(body).statusCode()));
            }
            for (Future<Integer> a : answers) {
                assertThat(a.get(20, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(inbox.size()).isEqualTo(n);
        assertThat(inbox.storeAllCalls()).isLessThan(n);
    }

    @Test
    void an_unknown_event_type_is_stored_counted_and_acknowledged() {
        start();
        HttpResponse<String> r = http.webhook(Bodies.of("LocationCreate", "wh_unknown", NOW));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(inbox.find("wh_unknown").orElseThrow().event().type()).isEqualTo("LocationCreate");
        assertThat(http.get("/metrics").body())
                .contains("recruitflow_webhooks_total{outcome=\"stored\",type=\"unknown\"} 1.0");
    }

    @Test
    void a_body_over_one_mebibyte_gets_413_and_nothing_is_stored() {
        start();
        byte[] big = new byte[WebhookConfig.DEFAULT_MAX_BODY_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        HttpResponse<String> r = http.webhook(big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(inbox.storeAttempts()).isZero();
    }

    @Test
    void a_body_of_exactly_one_mebibyte_is_not_refused_for_its_size() {
        start();
        byte[] event = Bodies.contactCreate("wh_1mib", NOW);
        byte[] body = new byte[WebhookConfig.DEFAULT_MAX_BODY_BYTES];
        Arrays.fill(body, (byte) ' ');
        System.arraycopy(event, 0, body, 0, event.length); // JSON allows trailing whitespace
        assertThat(http.webhook(body).statusCode()).isEqualTo(200);
    }

    @Test
    void no_signature_is_401_and_nothing_is_stored() {
        start();
        HttpResponse<String> r = http.post("/webhooks/ghl", Bodies.contactCreate("wh_unsigned", NOW));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(inbox.storeAttempts()).isZero();
    }

    @Test
    void a_wrong_signature_is_401() {
        start();
        byte[] body = Bodies.contactCreate("wh_bad", NOW);
        byte[] other = Bodies.contactCreate("wh_other", NOW);
        HttpResponse<String> r = http.post(
                "/webhooks/ghl",
                body,
                SignatureVerifier.ED25519_HEADER,
                TestKeys.signEd25519(other),
                SignatureVerifier.RSA_HEADER,
                TestKeys.signRsa(other));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(inbox.storeAttempts()).isZero();
    }

    @Test
    void unsigned_events_are_accepted_only_with_the_development_switch() {
        start(c -> c.withAllowUnsigned(true));
        assertThat(http.post("/webhooks/ghl", Bodies.contactCreate("wh_dev", NOW))
                        .statusCode())
                .isEqualTo(200);
        byte[] body = Bodies.contactCreate("wh_dev_bad", NOW);
        assertThat(http.post("/webhooks/ghl", body, SignatureVerifier.ED25519_HEADER, "AAAA")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void a_timestamp_up_to_two_hours_old_is_accepted_because_ghl_retries_with_the_original_one() {
        start();
        // GHL's retries of an event answered 429: the same payload, 10, 20, ... 60 minutes (plus jitter) later.
        for (int minutes : List.of(15, 75, 119)) {
            assertThat(http.webhook(Bodies.contactCreate(
                                    "wh_" + minutes + "min", NOW.minus(Duration.ofMinutes(minutes))))
                            .statusCode())
                    .as("%d minutes old", minutes)
                    .isEqualTo(200);
        }
        assertThat(http.webhook(Bodies.contactCreate("wh_edge", NOW.minus(Duration.ofHours(2))))
                        .statusCode())
                .isEqualTo(200);
        assertThat(inbox.all())
                .extracting(IncomingEvent::webhookId)
                .containsExactly("wh_15min", "wh_75min", "wh_119min", "wh_edge");
    }

    @Test
    void a_stale_a_future_or_a_missing_timestamp_is_401() {
        start();
        assertThat(http.webhook(Bodies.contactCreate("wh_26h", NOW.minus(Duration.ofHours(26))))
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.webhook(Bodies.contactCreate(
                                "wh_old", NOW.minus(Duration.ofHours(2)).minusSeconds(1)))
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.webhook(Bodies.contactCreate("wh_future", NOW.plus(Duration.ofMinutes(10))))
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.webhook(Bodies.contactCreate(
                                "wh_future_edge",
                                NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)))
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.webhook(Bodies.utf8("{\"type\":\"ContactCreate\",\"webhookId\":\"wh_none\",\"id\":\"c\"}"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.webhook(Bodies.contactCreate("wh_skew", NOW.plus(Duration.ofMinutes(5))))
                        .statusCode())
                .isEqualTo(200);
        assertThat(inbox.size()).isEqualTo(1);
        assertThat(http.get("/metrics").body())
                .contains("recruitflow_webhooks_total{outcome=\"stale\",type=\"ContactCreate\"} 5.0");
    }

    @Test
    void a_replay_of_a_stored_webhook_id_an_hour_later_answers_200_and_is_not_stored_again() {
        start();
        byte[] body = Bodies.contactCreate("wh_replayed", NOW);
        assertThat(http.webhook(body).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(1));
        HttpResponse<String> replay = http.webhook(body);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("duplicate");
        assertThat(inbox.size()).isEqualTo(1);
        assertThat(inbox.stats().duplicates()).isEqualTo(1);
    }

    @Test
    void the_replay_window_is_configurable_in_each_direction() {
        start(c -> c.withReplayWindow(Duration.ofMinutes(30), Duration.ofSeconds(30)));
        assertThat(http.webhook(Bodies.contactCreate("wh_20min", NOW.minus(Duration.ofMinutes(20))))
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.webhook(Bodies.contactCreate("wh_40min", NOW.minus(Duration.ofMinutes(40))))
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.webhook(Bodies.contactCreate("wh_ahead_1min", NOW.plus(Duration.ofMinutes(1))))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void malformed_json_is_400_even_when_signed() {
        start();
        for (String bad : List.of(
                "{\"type\":\"ContactCreate\",",
                "[1,2]",
                "not json",
                "{} {}",
                "",
                "{\"timestamp\":\"yesterday\",\"webhookId\":\"x\"}")) {
            HttpResponse<String> r = http.webhook(Bodies.utf8(bad));
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.body()).doesNotContain("Exception");
        }
        assertThat(inbox.storeAttempts()).isZero();
    }

    @Test
    void an_event_without_a_webhook_id_is_stored_under_a_digest_of_its_bytes_so_a_redelivery_is_a_duplicate() {
        start();
        byte[] body = Bodies.utf8("{\"type\":\"ContactCreate\",\"id\":\"c1\",\"timestamp\":\"" + NOW + "\"}");
        assertThat(http.webhook(body).statusCode()).isEqualTo(200);
        assertThat(http.webhook(body).body()).contains("duplicate");
        assertThat(inbox.all()).extracting(IncomingEvent::webhookId).containsExactly(EventIds.derived(body));
    }

    @Test
    void when_the_database_is_down_the_answer_is_429_never_5xx_and_after_recovery_200() {
        start();
        inbox.down();
        byte[] body = Bodies.contactCreate("wh_down", NOW);
        HttpResponse<String> down = http.webhook(body);
        assertThat(down.statusCode()).isEqualTo(429);
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(inbox.size()).isZero();

        inbox.up();
        // GHL's redelivery of the same bytes (same id and timestamp) about ten minutes later.
        clock.advance(Duration.ofMinutes(10).plusSeconds(37));
        assertThat(http.webhook(body).statusCode()).isEqualTo(200);
        assertThat(inbox.find("wh_down")).isPresent();
    }

    @Test
    void an_event_the_inbox_refuses_answers_422_alone_and_the_others_of_its_batch_are_stored() throws Exception {
        inbox.refuse("wh_refused");
        inbox.commitCost(Duration.ofMillis(20));
        start(c -> c.withGroupCommit(Duration.ofMillis(50), 256, 20_000));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        java.util.Map<String, Future<HttpResponse<String>>> answers = new java.util.LinkedHashMap<>();
        try {
            for (int i = 0; i < 8; i++) {
                String id = i == 3 ? "wh_refused" : "wh_ok_" + i;
                byte[] body = Bodies.contactCreate(id, NOW);
                answers.put(id, pool.submit(() -> http.webhook(body)));
            }
            for (var a : answers.entrySet()) {
                HttpResponse<String> r = a.getValue().get(20, TimeUnit.SECONDS);
                if (a.getKey().equals("wh_refused")) {
                    assertThat(r.statusCode()).isEqualTo(422);
                    assertThat(r.body()).contains("unprocessable");
                } else {
                    assertThat(r.statusCode()).as(a.getKey()).isEqualTo(200);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(inbox.size()).isEqualTo(7);
        assertThat(inbox.find("wh_refused")).isEmpty();
        assertThat(http.get("/metrics").body())
                .contains("recruitflow_webhooks_total{outcome=\"refused\",type=\"ContactCreate\"} 1.0");
    }

    @Test
    void any_exception_from_the_store_is_429() {
        start();
        inbox.failWith(new IllegalStateException("connection pool exhausted"));
        HttpResponse<String> r = http.webhook(Bodies.contactCreate("wh_boom", NOW));
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.body()).doesNotContain("pool");
    }

    @Test
    void a_store_slower_than_the_store_timeout_is_429_and_the_late_commit_makes_the_retry_a_duplicate() {
        inbox.commitCost(Duration.ofMillis(800));
        start(c -> c.withStoreTimeout(Duration.ofMillis(200)));
        byte[] body = Bodies.contactCreate("wh_slow", NOW);
        assertThat(http.webhook(body).statusCode()).isEqualTo(429);
        await(() -> inbox.find("wh_slow").isPresent());
        inbox.commitCost(Duration.ZERO);
        HttpResponse<String> retry = http.webhook(body);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).contains("duplicate");
    }

    @Test
    void time_spent_before_the_handler_counts_against_the_store_timeout_so_the_answer_stays_within_it()
            throws Exception {
        start(c -> c.withStoreTimeout(Duration.ofMillis(400)));
        int port = server.port();
        byte[] body = Bodies.contactCreate("wh_late", NOW);
        // The headers arrive, the body 600 ms later: the request is 600 ms old when its event could be stored
        // (a request that waited that long for a server thread is the same case).
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            String head = "POST /webhooks/ghl HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + SignatureVerifier.ED25519_HEADER + ": " + TestKeys.signEd25519(body) + "\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(600);
            long sent = System.nanoTime();
            out.write(body);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            long answeredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);

            assertThat(answer).startsWith("HTTP/1.1 429").contains("Retry-After: 60");
            assertThat(answeredMillis)
                    .as("answered at once, not after another store timeout")
                    .isLessThan(300);
        }
        assertThat(inbox.find("wh_late")).isEmpty();
        // GHL's retry of the same bytes is stored.
        assertThat(http.webhook(body).statusCode()).isEqualTo(200);
        assertThat(inbox.find("wh_late")).isPresent();
    }

    @Test
    void a_full_queue_answers_429_at_once() {
        inbox.commitCost(Duration.ofMillis(300));
        start(c -> c.withGroupCommit(Duration.ZERO, 1, 1));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                byte[] body = Bodies.contactCreate("wh_full_" + i, NOW);
                answers.add(pool.submit(() -> http.webhook(body).statusCode()));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> a : answers) {
                codes.add(a.get(20, TimeUnit.SECONDS));
            }
            assertThat(codes).contains(429).allMatch(c -> c == 200 || c == 429);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void newly_stored_events_are_told_to_the_listener_and_a_listener_failure_loses_nothing() {
        List<String> told = new CopyOnWriteArrayList<>();
        boolean[] fail = {false};
        InboxListener listener = events -> {
            if (fail[0]) {
                throw new IllegalStateException("queue down");
            }
            events.forEach(e -> told.add(e.webhookId()));
        };
        server = WebhookServer.builder(WebhookConfig.defaults().withPublicKeys(TestKeys.publicKeysFile()))
                .inbox(inbox)
                .clock(clock)
                .inboxListener(listener)
                .build();
        http = new Http(server.start(0));

        assertThat(http.webhook(Bodies.contactCreate("wh_job", NOW)).statusCode())
                .isEqualTo(200);
        await(() -> told.size() == 1);
        assertThat(told).containsExactly("wh_job");
        assertThat(http.webhook(Bodies.contactCreate("wh_job", NOW)).statusCode())
                .isEqualTo(200); // a duplicate is not told again

        fail[0] = true;
        assertThat(http.webhook(Bodies.contactCreate("wh_job_2", NOW)).statusCode())
                .isEqualTo(200);
        assertThat(inbox.find("wh_job_2")).isPresent(); // the dispatcher's sweep will find it
        assertThat(told).containsExactly("wh_job");
    }

    @Test
    void stopping_lets_an_in_flight_webhook_finish_and_turns_new_ones_away_with_429() throws Exception {
        inbox.commitCost(Duration.ofMillis(400));
        start();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> inFlight = pool.submit(
                    () -> http.webhook(Bodies.contactCreate("wh_inflight", NOW)).statusCode());
            await(() -> inbox.storeAttempts() > 0);
            server.stop(Duration.ofSeconds(5));
            assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo(200);
            assertThat(inbox.find("wh_inflight")).isPresent();
        } finally {
            pool.shutdownNow();
            server = null;
        }
    }

    @Test
    void handling_latency_and_outcomes_are_in_the_metrics() {
        start();
        http.webhook(Bodies.contactCreate("wh_m1", NOW));
        http.post("/webhooks/ghl", Bodies.contactCreate("wh_m2", NOW));
        String metrics = http.get("/metrics").body();
        assertThat(metrics)
                .contains("recruitflow_webhooks_total{outcome=\"stored\",type=\"ContactCreate\"} 1.0")
                .contains("recruitflow_webhooks_total{outcome=\"unsigned\",type=\"unknown\"} 1.0")
                .contains("recruitflow_webhook_handling_seconds_count")
                .contains("recruitflow_webhook_inbox_batch_size_count");
    }

    @Test
    void other_methods_and_paths_get_json_errors() {
        start();
        HttpResponse<String> get = http.get("/webhooks/ghl");
        assertThat(get.statusCode()).isIn(404, 405);
        HttpResponse<String> none = http.get("/nope");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("not_found");
        assertThat(new String(Bodies.utf8("ok"), StandardCharsets.UTF_8)).isEqualTo("ok");
    }

    static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
