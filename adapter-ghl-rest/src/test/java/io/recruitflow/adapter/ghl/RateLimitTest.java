package io.recruitflow.adapter.ghl;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.ghl.GhlClientConfig.RateLimit;
import io.recruitflow.domain.shared.LocationId;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** The client-side limiter: spacing, per-owner buckets, adapting down to what GHL declares, 429 waits. */
class RateLimitTest {
    private static final TokenOwner A = TokenOwner.location(new LocationId("loc_a"));
    private static final TokenOwner B = TokenOwner.location(new LocationId("loc_b"));

    /** The client's configuration at GHL's real limit, 100 per 10 s. */
    private static final GhlClientConfig AT_GHLS_LIMIT = GhlClientConfig.builder()
            .privateIntegrationToken("t")
            .rateLimit("100/10s")
            .build();

    private static FailsafePermitSource permitsAtGhlsLimit() {
        return new FailsafePermitSource(AT_GHLS_LIMIT.rateLimit(), AT_GHLS_LIMIT.dailyLimit());
    }

    private static RateBudgets budgetsOver(FailsafePermitSource permits) {
        return new RateBudgets(AT_GHLS_LIMIT, permits, TokenOwner::location);
    }

    @Test
    void permitsAreSpacedEvenlyPerOwner() throws Exception {
        FailsafePermitSource permits = new FailsafePermitSource(RateLimit.parse("20/1s"), 200_000);
        long start = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            assertThat(permits.acquire(A, Duration.ofSeconds(1))).isTrue();
        }
        long spentMs = (System.nanoTime() - start) / 1_000_000;
        // 5 gaps of 50 ms (+4% headroom); another owner is not slowed by A.
        assertThat(spentMs).isBetween(240L, 600L);
        long other = System.nanoTime();
        assertThat(permits.acquire(B, Duration.ZERO)).isTrue();
        assertThat((System.nanoTime() - other) / 1_000_000).isLessThan(20);
    }

    @Test
    void aPermitThatCannotComeInTimeIsRefused() throws Exception {
        FailsafePermitSource permits = new FailsafePermitSource(RateLimit.parse("1/10s"), 200_000);
        assertThat(permits.acquire(A, Duration.ZERO)).isTrue();
        assertThat(permits.acquire(A, Duration.ofMillis(20))).isFalse();
    }

    @Test
    void theDailyQuotaIsEnforced() throws Exception {
        FailsafePermitSource permits = new FailsafePermitSource(RateLimit.parse("1000/1s"), 2);
        assertThat(permits.acquire(A, Duration.ofSeconds(1))).isTrue();
        assertThat(permits.acquire(A, Duration.ofSeconds(1))).isTrue();
        assertThat(permits.acquire(A, Duration.ofSeconds(1))).isFalse();
    }

    @Test
    void theLimiterAdaptsDownToWhatGhlDeclaresButNeverUp() throws Exception {
        FailsafePermitSource permits = permitsAtGhlsLimit();
        RateBudgets budgets = budgetsOver(permits);
        permits.acquire(A, Duration.ZERO);

        budgets.record(
                A,
                Headers.of(
                        "X-RateLimit-Max",
                        "25",
                        "X-RateLimit-Remaining",
                        "24",
                        "X-RateLimit-Interval-Milliseconds",
                        "10000"));
        assertThat(permits.limitOf(A)).isEqualTo(new RateLimit(25, Duration.ofSeconds(10)));

        budgets.record(A, Headers.of("X-RateLimit-Max", "1000", "X-RateLimit-Interval-Milliseconds", "1000"));
        assertThat(permits.limitOf(A)).isEqualTo(new RateLimit(25, Duration.ofSeconds(10)));
        assertThat(budgets.budget(A).orElseThrow().burstMax()).isEqualTo(1000);
    }

    @Test
    void theCallSpacingTheApplicationPacesAtIsThePermitSpacingOfTheConfiguredLimit() throws Exception {
        FailsafePermitSource permits = permitsAtGhlsLimit();
        RateBudgets budgets = budgetsOver(permits);

        Duration spacing = budgets.callSpacing(new LocationId("loc_a")).orElseThrow();
        assertThat(spacing.toNanos()).as("10 s / (100 x 0.96)").isEqualTo(104_166_667L);
        // What the limiter really lets through: 11 permits take 10 spacings.
        long start = System.nanoTime();
        for (int i = 0; i < 11; i++) {
            assertThat(permits.acquire(A, Duration.ofSeconds(2))).isTrue();
        }
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(spacing.toNanos() * 10 - 5_000_000);
    }

    @Test
    void a429sWaitComesFromWhicheverHeaderFamilyGhlSent() {
        Instant now = Instant.parse("2026-02-12T13:00:00Z");
        assertThat(RateBudgets.retryDelay(Headers.of("Retry-After", "7"), now)).contains(Duration.ofSeconds(7));
        assertThat(RateBudgets.retryDelay(Headers.of("Retry-After", "Thu, 12 Feb 2026 13:00:03 GMT"), now))
                .contains(Duration.ofSeconds(3));
        assertThat(RateBudgets.retryDelay(
                        Headers.of("X-Rate-Limit-Reset", String.valueOf(now.getEpochSecond() + 12)), now))
                .contains(Duration.ofSeconds(12));
        assertThat(RateBudgets.retryDelay(
                        Headers.of("X-RateLimit-Remaining", "0", "X-RateLimit-Interval-Milliseconds", "10000"), now))
                .contains(Duration.ofSeconds(10));
        assertThat(RateBudgets.retryDelay(Headers.of("X-RateLimit-Remaining", "3"), now))
                .isEmpty();
        assertThat(RateBudgets.dailyQuotaExhausted(Headers.of("X-RateLimit-Daily-Remaining", "0")))
                .isTrue();
    }
}
