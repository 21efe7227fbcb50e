package io.recruitflow.adapter.ghl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.adapter.ghl.GhlClientConfig.RateLimit;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigTest {

    @Test
    void defaultsAreGhlsRealLimitsAndBaseUrl() {
        GhlClientConfig c =
                GhlClientConfig.builder().privateIntegrationToken("pit").build();

        assertThat(c.baseUrl().toString()).isEqualTo("https://services.leadconnectorhq.com");
        assertThat(c.rateLimit()).isEqualTo(new RateLimit(100, Duration.ofSeconds(10)));
        assertThat(c.dailyLimit()).isEqualTo(200_000);
        assertThat(c.refreshSkew()).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(c.scopes()).isEqualTo(GhlClientConfig.DEFAULT_SCOPES);
        assertThat(c.oauth()).isFalse();
    }

    @Test
    void rateLimitStringsParse() {
        assertThat(RateLimit.parse("100/10s")).isEqualTo(new RateLimit(100, Duration.ofSeconds(10)));
        assertThat(RateLimit.parse(" 100 / 60s ")).isEqualTo(new RateLimit(100, Duration.ofMinutes(1)));
        assertThat(RateLimit.parse("100/1s").perSecond()).isEqualTo(100.0);
        assertThat(RateLimit.parse("100/s")).isEqualTo(new RateLimit(100, Duration.ofSeconds(1)));
        assertThat(RateLimit.parse("50/500ms")).isEqualTo(new RateLimit(50, Duration.ofMillis(500)));
        assertThat(RateLimit.parse("200000/1d")).isEqualTo(new RateLimit(200_000, Duration.ofDays(1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "100", "100/10", "100/10x", "-1/1s", "0/1s", "a/1s", "100 per minute"})
    void badRateLimitsAreRefusedWithTheExpectedShape(String text) {
        assertThatThrownBy(() -> RateLimit.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exactlyOneAuthMethod() {
        assertThatThrownBy(() -> GhlClientConfig.builder().build()).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> GhlClientConfig.builder()
                        .privateIntegrationToken("t")
                        .oauth("id", "secret", null)
                        .build())
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> GhlClientConfig.builder().oauth("id", "", null).build())
                .hasMessageContaining("client secret");
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(() -> GhlClientConfig.builder()
                        .privateIntegrationToken("t")
                        .baseUrl("ftp://x")
                        .build())
                .hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> GhlClientConfig.builder()
                        .privateIntegrationToken("t")
                        .refreshSkew(Duration.ofSeconds(10))
                        .build())
                .hasMessageContaining("60 s");
        assertThatThrownBy(() -> GhlClientConfig.builder()
                        .privateIntegrationToken("t")
                        .versionOverrides(Map.of("contact", "2021-07-28"))
                        .build())
                .hasMessageContaining("unknown service");
        assertThatThrownBy(() -> GhlClientConfig.builder()
                        .privateIntegrationToken("t")
                        .versionOverrides(Map.of("contacts", "latest"))
                        .build())
                .hasMessageContaining("date");
        assertThatThrownBy(() -> GhlClientConfig.builder()
                        .privateIntegrationToken("t")
                        .maxAttempts(0)
                        .build())
                .hasMessageContaining("maxAttempts");
    }

    @Test
    void versionOverridesTakeGhlsV3AsWellAsDates() {
        // GHL publishes v3 specs (highlevel-api-docs PR #302): a Version of "v3" must be configurable.
        GhlClientConfig c = GhlClientConfig.builder()
                .privateIntegrationToken("t")
                .versionOverrides(Map.of("contacts", "v3", "calendars", "2021-04-15"))
                .build();

        assertThat(c.versionOverrides()).containsEntry("contacts", "v3");
        assertThatThrownBy(() -> GhlClientConfig.builder()
                        .privateIntegrationToken("t")
                        .versionOverrides(Map.of("contacts", "v3.1"))
                        .build())
                .hasMessageContaining("v3");
    }

    @Test
    void toStringMasksEverySecret() {
        String oauth = GhlClientConfig.builder()
                .oauth("client-abcdef", "super-secret-value", "https://app/cb")
                .build()
                .toString();
        String pit = GhlClientConfig.builder()
                .privateIntegrationToken("pit-0123456789")
                .build()
                .toString();

        assertThat(oauth)
                .doesNotContain("super-secret-value")
                .doesNotContain("client-abcdef")
                .contains("clie***");
        assertThat(pit).doesNotContain("pit-0123456789").contains("token=***");
    }

    @Test
    void theUserAgentNamesRecruitflowAndItsVersion() {
        GhlClientConfig c = GhlClientConfig.builder()
                .privateIntegrationToken("t")
                .userAgentVersion("1.2.3")
                .build();
        try (GhlClient client = GhlClient.create(c, null, io.recruitflow.domain.shared.Clock.system())) {
            assertThat(client.userAgent()).startsWith("Recruitflow/1.2.3");
            assertThat(client.toString()).doesNotContain("=t,").doesNotContain("token=t");
        }
    }
}
