package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.adapter.webhook.WebhookConfig.MetricsAuth;
import io.recruitflow.application.port.CallBudget;
import io.recruitflow.domain.shared.LocationId;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /metrics} optionally behind the admin token, and without location ids unless asked. */
class MetricsAccessTest {
    static final String TOKEN = "metrics-token-0123456789abcdef";
    private WebhookServer server;

    private Http start(WebhookConfig config, RecruitflowMetrics metrics) {
        server = WebhookServer.builder(config.withPort(0))
                .inbox(new FakeEventInbox())
                .metrics(metrics)
                .build();
        return new Http(server.start(0));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void by_default_metrics_are_open_as_prometheus_scrapes_them() {
        Http http = start(WebhookConfig.defaults().withAdminToken(TOKEN), RecruitflowMetrics.create());
        assertThat(WebhookConfig.defaults().metricsAuth()).isEqualTo(MetricsAuth.NONE);
        assertThat(http.get("/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void with_token_auth_only_the_bearer_admin_token_reads_them() {
        Http http = start(
                WebhookConfig.defaults().withAdminToken(TOKEN).withMetrics(MetricsAuth.TOKEN, false),
                RecruitflowMetrics.create());

        HttpResponse<String> none = http.get("/metrics");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains(AdminAuth.CHALLENGE_BEARER);
        assertThat(none.body()).doesNotContain("recruitflow_");
        assertThat(http.get("/metrics", "Authorization", "Bearer wrong-token-0123456789")
                        .statusCode())
                .isEqualTo(401);
        String basic = Base64.getEncoder().encodeToString(("prometheus:" + TOKEN).getBytes());
        assertThat(http.get("/metrics", "Authorization", "Basic " + basic).statusCode())
                .isEqualTo(401);
        HttpResponse<String> ok = http.get("/metrics", "Authorization", "Bearer " + TOKEN);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("recruitflow_webhook_inbox_queue_depth");
        // Health stays open: a load balancer has no token.
        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void wrong_tokens_on_metrics_are_throttled_like_the_api() {
        Http http = start(
                WebhookConfig.defaults().withAdminToken(TOKEN).withMetrics(MetricsAuth.TOKEN, false),
                RecruitflowMetrics.create());
        int status = 0;
        for (int i = 0; i < 50 && status != 429; i++) {
            status = http.get("/metrics", "Authorization", "Bearer wrong-token-0123456789")
                    .statusCode();
        }
        assertThat(status).isEqualTo(429);
    }

    @Test
    void token_auth_without_an_admin_token_is_refused_at_start() {
        assertThatThrownBy(() -> WebhookConfig.defaults().withMetrics(MetricsAuth.TOKEN, false))
                .hasMessageContaining("RECRUITFLOW_METRICS_AUTH=token needs RECRUITFLOW_ADMIN_TOKEN");
        assertThatThrownBy(() -> WebhookConfig.fromEnvironment(Map.of(WebhookConfig.ENV_METRICS_AUTH, "basic")))
                .hasMessageContaining("RECRUITFLOW_METRICS_AUTH must be token or none");
        WebhookConfig fromEnv = WebhookConfig.fromEnvironment(Map.of(
                WebhookConfig.ENV_ADMIN_TOKEN, TOKEN,
                WebhookConfig.ENV_METRICS_AUTH, "TOKEN",
                WebhookConfig.ENV_METRICS_LOCATION_LABELS, "true"));
        assertThat(fromEnv.metricsAuth()).isEqualTo(MetricsAuth.TOKEN);
        assertThat(fromEnv.metricsLocationLabels()).isTrue();
    }

    @Test
    void location_ids_are_not_labels_unless_asked() {
        Optional<CallBudget> budget = Optional.of(new CallBudget(100, 25, Duration.ofSeconds(10), 200_000, 150_000));
        RecruitflowMetrics without = RecruitflowMetrics.create();
        without.rateLimitHeadroom("loc_secret_customer", () -> budget);
        without.registry()
                .counter("ghl.location.suspended", "location", "loc_secret_customer", "reason", "reinstall")
                .increment();
        Http http = start(WebhookConfig.defaults(), without);
        String body = http.get("/metrics").body();
        assertThat(body)
                .doesNotContain("loc_secret_customer")
                .contains("recruitflow_ghl_rate_limit_headroom 0.25")
                .contains("recruitflow_ghl_location_suspended_total{reason=\"reinstall\"} 1.0");

        RecruitflowMetrics with = RecruitflowMetrics.create(true);
        with.rateLimitHeadroom("loc_secret_customer", () -> budget);
        assertThat(with.scrape()).contains("recruitflow_ghl_rate_limit_headroom{owner=\"loc_secret_customer\"} 0.25");
    }

    @Test
    void the_daily_remaining_is_the_lowest_of_all_locations_without_labels_and_one_series_each_with_them() {
        Map<LocationId, CallBudget> budgets = new java.util.concurrent.ConcurrentHashMap<>();
        budgets.put(new LocationId("loc_a"), new CallBudget(100, 100, Duration.ofSeconds(10), 200_000, 150_000));
        budgets.put(new LocationId("loc_b"), new CallBudget(100, 100, Duration.ofSeconds(10), 200_000, 9_000));
        java.util.function.Predicate<CallBudget> deferred = b -> b.dailyRemaining() <= 10_000;

        RecruitflowMetrics without = RecruitflowMetrics.create();
        without.dailyQuota(() -> budgets, deferred);
        assertThat(without.scrape())
                .doesNotContain("loc_a")
                .contains("recruitflow_ghl_daily_remaining 9000.0")
                .contains("recruitflow_ghl_followups_deferred 1.0");

        RecruitflowMetrics with = RecruitflowMetrics.create(true);
        with.dailyQuota(() -> budgets, deferred);
        assertThat(with.scrape())
                .contains("recruitflow_ghl_daily_remaining{location=\"loc_a\"} 150000.0")
                .contains("recruitflow_ghl_daily_remaining{location=\"loc_b\"} 9000.0");
        budgets.put(new LocationId("loc_c"), new CallBudget(100, 100, Duration.ofSeconds(10), 200_000, 0));
        assertThat(with.scrape())
                .contains("recruitflow_ghl_daily_remaining{location=\"loc_c\"} 0.0")
                .contains("recruitflow_ghl_followups_deferred 2.0");
    }
}
