package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.intakerecruit.IntakeSaga;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.demo.DemoClock;
import io.recruitflow.bootstrap.runtime.JavaClocks;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.message.Delivery;
import io.recruitflow.domain.message.DeliveryStatus;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.sandbox.DeliveryFailures;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 8 on the real adapters: the sandbox accepts a text and then reports it failed or undelivered the
 * way GHL does (OutboundMessage with GHL's status and error), through the signed webhook, the receiver, the
 * inbox and the embedded PostgreSQL. A permanent failure shows with GHL's reason and is never sent again; a
 * temporary one is sent again once, after the backoff, by the durable job queue.
 */
class DeliveryStatusE2eTest {
    private static final String ADMIN = "an-admin-token-for-the-delivery-test";
    /** A Wednesday at 14:00 in New York: no calling-hours rule holds a text. */
    private static final Instant WEDNESDAY = Instant.parse("2026-03-11T18:00:00Z");
    /** The first number {@link E2e#writeLeads} writes: (206) 555-0131. */
    private static final String PHONE = "+12065550131";

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private interface Scenario {
        void run(GhlSandbox sandbox, DemoClock clock, RecruitflowRuntime runtime, int port) throws Exception;
    }

    private void onTheRealAdapters(DeliveryFailures.Reason reason, int times, Scenario scenario) throws Exception {
        DemoClock clock = new DemoClock(WEDNESDAY);
        try (GhlSandbox sandbox = GhlSandbox.start(
                SandboxConfig.defaults().withPort(0).withRateLimit("100/1s").withClock(JavaClocks.of(clock)))) {
            sandbox.deliveryFailures().failTextsTo(PHONE, reason, times);
            Path keys = dir.resolve("webhook-public-keys.pem");
            Files.writeString(
                    keys,
                    sandbox.publicKeysPem().ed25519() + "\n"
                            + sandbox.publicKeysPem().rsa() + "\n");
            Settings settings = Settings.load(Optional.empty(), Map.of())
                    .with(Setting.ADMIN_TOKEN, ADMIN)
                    .with(Setting.WEBHOOK_PUBLIC_KEYS, keys.toString());
            for (var e : E2e.settings(sandbox, dir.resolve("data")).entrySet()) {
                settings = settings.with(e.getKey(), e.getValue());
            }
            try (RecruitflowRuntime runtime = RecruitflowRuntime.open(RecruitflowConfig.from(settings), clock)) {
                int port = runtime.startHttp();
                sandbox.subscribeWebhooks(URI.create("http://127.0.0.1:" + port + "/webhooks/ghl"));
                runtime.startJobs();
                scenario.run(sandbox, clock, runtime, port);
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anIntroToAnUnregisteredSenderShowsAsFailedWithGhlsReasonAndIsNeverSentAgain() throws Exception {
        onTheRealAdapters(DeliveryFailures.Reason.UNREGISTERED, -1, (sandbox, clock, runtime, port) -> {
            Recruit recruit = E2e.importOneRecruit(runtime, dir);
            MessageLog log = runtime.injector().getInstance(MessageLog.class);
            E2e.await(
                    Duration.ofSeconds(30),
                    Duration.ofMillis(50),
                    () -> intro(log, recruit.id())
                            .map(MessageRecord::notDelivered)
                            .orElse(false),
                    () -> "no failure recorded: " + intro(log, recruit.id()));
            Delivery delivery =
                    intro(log, recruit.id()).orElseThrow().delivery().orElseThrow();
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(delivery.retryable()).isFalse();
            assertThat(delivery.reason().orElseThrow())
                    .startsWith("unregistered sender (A2P 10DLC)")
                    .contains("error 30034")
                    .doesNotContain("2065550131");

            clock.advanceTo(WEDNESDAY.plus(Duration.ofHours(2)));
            Thread.sleep(1_000);
            assertThat(sandbox.stats().messagesByType()).containsEntry("SMS", 1L);
            assertThat(intro(log, recruit.id()).orElseThrow().state()).isEqualTo(SendState.SENT);

            String detail = get(port, "/api/recruits/" + recruit.id());
            assertThat(detail)
                    .contains("\"delivery\":\"failed\"")
                    .contains("unregistered sender (A2P 10DLC)")
                    .contains("\"deliveryRetryable\":false");
            assertThat(get(port, "/api/funnel")).contains("\"FAILED\":1");
            String dashboard = get(port, "/");
            assertThat(dashboard)
                    .contains("id=\"not-delivered\">1<")
                    .contains("data-message=\"intro/" + recruit.id() + "\"")
                    .contains("error 30034");
            assertThat(counter(get(port, "/metrics"), "failed")).isEqualTo(1);
        });
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anIntroHitByATemporaryCarrierErrorIsSentAgainOnceAfterTheBackoffAndDelivered() throws Exception {
        onTheRealAdapters(DeliveryFailures.Reason.TEMPORARY, 1, (sandbox, clock, runtime, port) -> {
            Recruit recruit = E2e.importOneRecruit(runtime, dir);
            MessageLog log = runtime.injector().getInstance(MessageLog.class);
            E2e.await(
                    Duration.ofSeconds(30),
                    Duration.ofMillis(50),
                    () -> intro(log, recruit.id())
                            .map(m -> m.state() == SendState.PLANNED && m.notDelivered())
                            .orElse(false),
                    () -> "the intro was not planned again: " + intro(log, recruit.id()));
            MessageRecord planned = intro(log, recruit.id()).orElseThrow();
            assertThat(planned.notBefore())
                    .hasValueSatisfying(t -> assertThat(t).isAfterOrEqualTo(WEDNESDAY.plus(Duration.ofMinutes(10))));
            assertThat(sandbox.stats().messagesByType()).containsEntry("SMS", 1L);

            clock.advanceTo(planned.notBefore().orElseThrow().plusSeconds(1));
            E2e.await(
                    Duration.ofSeconds(30),
                    Duration.ofMillis(50),
                    () -> intro(log, recruit.id())
                            .flatMap(MessageRecord::delivery)
                            .map(d -> d.status() == DeliveryStatus.DELIVERED)
                            .orElse(false),
                    () -> "the retry was not delivered: " + intro(log, recruit.id()));
            clock.advanceTo(planned.notBefore().orElseThrow().plus(Duration.ofHours(2)));
            Thread.sleep(1_000);

            MessageRecord intro = intro(log, recruit.id()).orElseThrow();
            assertThat(intro.attempts()).isEqualTo(2);
            assertThat(intro.state()).isEqualTo(SendState.SENT);
            assertThat(sandbox.stats().messagesByType())
                    .as("one retry, no more")
                    .containsEntry("SMS", 2L);
            String metrics = get(port, "/metrics");
            assertThat(counter(metrics, "undelivered")).isEqualTo(1);
            assertThat(counter(metrics, "delivered")).isEqualTo(1);
        });
    }

    private static Optional<MessageRecord> intro(MessageLog log, RecruitId id) {
        return log.find(IntakeSaga.introKey(id));
    }

    /** {@code recruitflow_text_deliveries_total{outcome=...}} from the Prometheus text. */
    private static long counter(String metrics, String outcome) {
        Matcher m = Pattern.compile("recruitflow_text_deliveries_total\\{outcome=\"" + outcome + "\"} ([0-9.]+)")
                .matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    private String get(int port, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", "Bearer " + ADMIN)
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
