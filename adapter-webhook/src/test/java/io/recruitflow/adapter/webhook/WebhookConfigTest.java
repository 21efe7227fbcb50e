package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookConfigTest {

    @Test
    void defaults_follow_the_issue() {
        WebhookConfig d = WebhookConfig.fromEnvironment(Map.of());
        assertThat(d.port()).isEqualTo(8080);
        assertThat(d.adminToken()).isEmpty();
        assertThat(d.publicKeysPath()).isEmpty();
        assertThat(d.allowUnsigned()).isFalse();
        assertThat(d.maxAge()).isEqualTo(Duration.ofHours(2));
        assertThat(d.maxSkew()).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(d).isEqualTo(WebhookConfig.defaults());
    }

    @Test
    void environment_variables_override_the_defaults() {
        WebhookConfig c = WebhookConfig.fromEnvironment(Map.of(
                "RECRUITFLOW_HTTP_PORT",
                "9090",
                "RECRUITFLOW_ADMIN_TOKEN",
                "s3cr3t-admin-token-value",
                "RECRUITFLOW_WEBHOOK_PUBLIC_KEYS",
                "/etc/recruitflow/keys.pem",
                "RECRUITFLOW_WEBHOOK_ALLOW_UNSIGNED",
                "true",
                "RECRUITFLOW_WEBHOOK_MAX_AGE",
                "90m",
                "RECRUITFLOW_WEBHOOK_MAX_SKEW",
                "PT2M",
                "RECRUITFLOW_WEBHOOK_MAX_BODY_BYTES",
                "65536"));
        assertThat(c.port()).isEqualTo(9090);
        assertThat(c.adminToken()).contains("s3cr3t-admin-token-value");
        assertThat(c.publicKeysPath()).contains(Path.of("/etc/recruitflow/keys.pem"));
        assertThat(c.allowUnsigned()).isTrue();
        assertThat(c.maxAge()).isEqualTo(Duration.ofMinutes(90));
        assertThat(c.maxSkew()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.maxBodyBytes()).isEqualTo(65536);
    }

    @Test
    void the_symmetric_tolerance_of_earlier_versions_is_refused_naming_its_replacements() {
        assertThatThrownBy(() -> WebhookConfig.fromEnvironment(Map.of("RECRUITFLOW_WEBHOOK_TOLERANCE_SECONDS", "300")))
                .hasMessageContaining("RECRUITFLOW_WEBHOOK_MAX_AGE")
                .hasMessageContaining("RECRUITFLOW_WEBHOOK_MAX_SKEW");
    }

    @Test
    void durations_are_read_with_a_unit_or_as_iso_8601() {
        assertThat(WebhookConfig.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(WebhookConfig.parseDuration(" 90m ")).isEqualTo(Duration.ofMinutes(90));
        assertThat(WebhookConfig.parseDuration("300s")).isEqualTo(Duration.ofMinutes(5));
        assertThat(WebhookConfig.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(WebhookConfig.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(WebhookConfig.parseDuration("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> WebhookConfig.parseDuration("120")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void to_string_masks_the_admin_token() {
        WebhookConfig c = WebhookConfig.defaults().withAdminToken("s3cr3t-admin-token-value");
        assertThat(c.toString()).doesNotContain("s3cr3t").contains("adminToken=***");
        assertThat(WebhookConfig.defaults().toString()).contains("adminToken=<none>");
    }

    @Test
    void invalid_values_are_refused_without_echoing_secrets() {
        assertThatThrownBy(() -> WebhookConfig.defaults().withAdminToken("short"))
                .hasMessageContaining("at least 16")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("short\""));
        assertThatThrownBy(() -> WebhookConfig.fromEnvironment(Map.of("RECRUITFLOW_HTTP_PORT", "eighty")))
                .hasMessageContaining("RECRUITFLOW_HTTP_PORT");
        assertThatThrownBy(() -> WebhookConfig.defaults().withPort(70_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookConfig.defaults().withReplayWindow(Duration.ZERO, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookConfig.defaults().withReplayWindow(Duration.ofHours(2), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookConfig.defaults().withReplayWindow(Duration.ofDays(8), Duration.ofMinutes(5)))
                .hasMessageContaining("maxAge");
        assertThatThrownBy(() -> WebhookConfig.defaults().withReplayWindow(Duration.ofHours(2), Duration.ofHours(2)))
                .hasMessageContaining("maxSkew");
        assertThatThrownBy(() -> WebhookConfig.fromEnvironment(Map.of("RECRUITFLOW_WEBHOOK_MAX_AGE", "two hours")))
                .hasMessageContaining("RECRUITFLOW_WEBHOOK_MAX_AGE")
                .hasMessageContaining("2h");
        assertThatThrownBy(() -> WebhookConfig.defaults().withGroupCommit(Duration.ofSeconds(1), 10, 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookConfig.defaults().withGroupCommit(Duration.ZERO, 100, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(WebhookConfig.defaults().withAdminToken("  ").adminToken()).isEqualTo(Optional.empty());
    }
}
