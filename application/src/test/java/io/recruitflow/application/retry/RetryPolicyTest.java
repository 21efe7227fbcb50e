package io.recruitflow.application.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.shared.ExternalFailure;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-02-12T15:00:00Z");

    @Test
    void aRefusalIsFinalAtTheFirstAttempt() {
        RetryPolicy.Next next = RetryPolicy.after(new ExternalFailure.Rejected("invalid phone"), 1, NOW);

        assertThat(next).isEqualTo(new RetryPolicy.Next.GiveUp("invalid phone"));
    }

    @Test
    void anUnknownOutcomeIsRetriedAfterReconciling() {
        RetryPolicy.Next next = RetryPolicy.after(new ExternalFailure.OutcomeUnknown("timeout"), 1, NOW);

        assertThat(next).isEqualTo(new RetryPolicy.Next.RetryAt(NOW.plusSeconds(2), true, "timeout"));
    }

    @Test
    void unavailableAndAccessDeniedAreRetriedWithoutReconciling() {
        assertThat(RetryPolicy.after(new ExternalFailure.Unavailable("503"), 2, NOW))
                .isEqualTo(new RetryPolicy.Next.RetryAt(NOW.plusSeconds(4), false, "503"));
        assertThat(RetryPolicy.after(new ExternalFailure.AccessDenied("token refused"), 3, NOW))
                .isEqualTo(new RetryPolicy.Next.RetryAt(NOW.plusSeconds(8), false, "token refused"));
    }

    @Test
    void theCrmsRetryAfterWinsWhenItIsLaterThanTheBackoff() {
        Instant later = NOW.plus(Duration.ofMinutes(3));
        ExternalFailure throttled = new ExternalFailure.Unavailable("429", later, "trace-1", null);

        assertThat(RetryPolicy.after(throttled, 1, NOW)).isEqualTo(new RetryPolicy.Next.RetryAt(later, false, "429"));
        assertThat(RetryPolicy.after(new ExternalFailure.Unavailable("429", NOW.plusSeconds(1), null, null), 1, NOW))
                .isEqualTo(new RetryPolicy.Next.RetryAt(NOW.plusSeconds(2), false, "429"));
    }

    @Test
    void theLastAttemptGivesUpWhateverTheFailure() {
        RetryPolicy.Next next =
                RetryPolicy.after(new ExternalFailure.Unavailable("503"), RetryPolicy.MAX_ATTEMPTS, NOW);

        assertThat(next).isEqualTo(new RetryPolicy.Next.GiveUp("gave up after 8 attempts: 503"));
    }

    @ParameterizedTest
    @CsvSource({"1, 2", "2, 4", "5, 32", "8, 256", "9, 300", "40, 300"})
    void theBackoffDoublesUpToFiveMinutes(int attempts, long seconds) {
        assertThat(RetryPolicy.backoff(attempts)).isEqualTo(Duration.ofSeconds(seconds));
    }
}
