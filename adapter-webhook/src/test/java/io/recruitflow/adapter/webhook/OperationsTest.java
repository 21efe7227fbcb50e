package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.CallBudget;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Health and metrics endpoints. */
class OperationsTest {

    private final AtomicReference<Object> readiness = new AtomicReference<>(Boolean.TRUE);
    // With location labels, as RECRUITFLOW_METRICS_LOCATION_LABELS=true (MetricsAccessTest: the default drops them).
    private final RecruitflowMetrics metrics = RecruitflowMetrics.create(true);
    private WebhookServer server;
    private Http http;

    private void start() {
        server = WebhookServer.builder(WebhookConfig.defaults())
                .inbox(new FakeEventInbox())
                .metrics(metrics)
                .readiness(() -> {
                    Object r = readiness.get();
                    if (r instanceof Exception e) {
                        throw e;
                    }
                    return (Boolean) r;
                })
                .build();
        http = new Http(server.start(0));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void live_is_always_up_and_ready_follows_the_readiness_check() {
        start();
        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = http.get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("READY");
        readiness.set(Boolean.FALSE);
        assertThat(http.get("/health/ready").statusCode()).isEqualTo(503);
        readiness.set(new java.sql.SQLException("connection refused"));
        HttpResponse<String> failing = http.get("/health/ready");
        assertThat(failing.statusCode()).isEqualTo(503);
        assertThat(failing.body()).doesNotContain("refused");
        readiness.set(Boolean.TRUE);
        assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void metrics_are_prometheus_text_and_every_name_is_prefixed() {
        start();
        metrics.ghlCall("POST /contacts/upsert", 201);
        metrics.ghlCall("POST /contacts/upsert", 429);
        metrics.intakeStep("SEND_INTRO", "done");
        metrics.rateLimitHeadroom(
                "location:loc_1", () -> Optional.of(new CallBudget(100, 25, Duration.ofSeconds(10), 200_000, 150_000)));
        metrics.registry().counter("from.another.adapter").increment();
        HttpResponse<String> r = http.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        String body = r.body();
        assertThat(body)
                .contains("recruitflow_ghl_calls_total{route=\"POST /contacts/upsert\",status=\"429\"} 1.0")
                .contains("recruitflow_intake_steps_total{outcome=\"done\",step=\"SEND_INTRO\"} 1.0")
                .contains("recruitflow_ghl_rate_limit_headroom{owner=\"location:loc_1\"} 0.25")
                .contains("recruitflow_from_another_adapter_total 1.0")
                .contains("recruitflow_webhook_inbox_queue_depth");
        Arrays.stream(body.split("\n"))
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .forEach(l -> assertThat(l).startsWith("recruitflow_"));
    }
}
