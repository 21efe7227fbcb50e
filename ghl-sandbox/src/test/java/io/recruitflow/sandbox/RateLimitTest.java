package io.recruitflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-12T13:00:00Z"));
    private GhlSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = GhlSandbox.start(SandboxConfig.defaults()
                .withPort(0)
                .withRateLimit("5/1s")
                .withDailyLimit(8)
                .withClock(clock));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theSixthRequestInTheWindowIs429AndTheNextWindowIsFresh() {
        Ghl ghl = Ghl.forLocation(sandbox, "loc_abc123");
        for (int i = 1; i <= 5; i++) {
            Ghl.Response ok = ghl.get("/users/user_gary123");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(5 - i));
        }

        Ghl.Response limited = ghl.get("/users/user_gary123");
        clock.advance(Duration.ofSeconds(1));
        Ghl.Response fresh = ghl.get("/users/user_gary123");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json()).containsEntry("statusCode", 429L).containsKey("traceId");
        assertThat(limited.header("X-RateLimit-Max")).isEqualTo("5");
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.header("X-RateLimit-Interval-Milliseconds")).isEqualTo("1000");
        assertThat(limited.header("X-RateLimit-Limit-Daily")).isEqualTo("8");
        assertThat(limited.header("X-RateLimit-Daily-Remaining")).isEqualTo("3");
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(sandbox.stats().rateLimited()).isEqualTo(1);
        assertThat(sandbox.stats().requests()).isEqualTo(7);
    }

    @Test
    void theDailyQuotaHoldsAcrossWindowsUntilTheNextDay() {
        Ghl ghl = Ghl.forLocation(sandbox, "loc_abc123");
        for (int i = 0; i < 8; i++) {
            if (i == 5) {
                clock.advance(Duration.ofSeconds(1));
            }
            assertThat(ghl.get("/users/user_gary123").status()).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(1));

        Ghl.Response overQuota = ghl.get("/users/user_gary123");
        clock.advance(Duration.ofDays(1));
        Ghl.Response nextDay = ghl.get("/users/user_gary123");

        assertThat(overQuota.status()).isEqualTo(429);
        assertThat(overQuota.header("X-RateLimit-Daily-Remaining")).isEqualTo("0");
        assertThat(nextDay.status()).isEqualTo(200);
    }

    @Test
    void limitsArePerLocationAndTheAdminApiIsExemptAndUncounted() {
        Ghl first = Ghl.forLocation(sandbox, "loc_abc123");
        for (int i = 0; i < 6; i++) {
            first.get("/users/user_gary123");
        }
        for (int i = 0; i < 20; i++) {
            assertThat(new Ghl(sandbox.baseUrl(), null).get("/_sandbox/stats").status())
                    .isEqualTo(200);
        }

        assertThat(first.get("/users/user_gary123").status()).isEqualTo(429);
        assertThat(Ghl.forLocation(sandbox, "loc_def456")
                        .get("/users/user_gary123")
                        .status())
                .isEqualTo(200);
        assertThat(sandbox.stats().requests()).isEqualTo(8);
    }

    @Test
    void everyApiResponseCarriesTheFiveHeadersEvenA401() {
        Ghl.Response unauthorized = new Ghl(sandbox.baseUrl(), "nope").get("/users/user_gary123");

        assertThat(unauthorized.status()).isEqualTo(401);
        for (String header : new String[] {
            "X-RateLimit-Max",
            "X-RateLimit-Remaining",
            "X-RateLimit-Interval-Milliseconds",
            "X-RateLimit-Limit-Daily",
            "X-RateLimit-Daily-Remaining"
        }) {
            assertThat(unauthorized.header(header)).as(header).isNotNull();
        }
    }

    @Test
    void rateLimitSpecsParse() {
        assertThat(SandboxConfig.defaults().burstWindow()).isEqualTo(Duration.ofSeconds(10));
        assertThat(SandboxConfig.defaults().burstLimit()).isEqualTo(100);
        assertThat(SandboxConfig.defaults().dailyLimit()).isEqualTo(200_000);
        assertThat(SandboxConfig.defaults().withRateLimit("100/60s").burstWindow())
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(SandboxConfig.defaults().withRateLimit("100/1s").burstWindow())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(SandboxConfig.defaults().withRateLimit("25/500ms").burstLimit())
                .isEqualTo(25);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> SandboxConfig.defaults().withRateLimit("fast"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
