package io.recruitflow.application.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventRetryScheduleTest {
    static final Instant T0 = Instant.parse("2026-12-01T14:00:00Z");

    @Test
    void anEventIsTriedTenTimesOverAboutADay() {
        List<Duration> waits = new ArrayList<>();
        Instant at = T0;
        for (int attempt = 1; ; attempt++) {
            Optional<Instant> next = RetryPolicy.nextEventAttempt(attempt, at);
            if (next.isEmpty()) {
                assertThat(attempt).isEqualTo(RetryPolicy.EVENT_ATTEMPTS).isEqualTo(10);
                break;
            }
            waits.add(Duration.between(at, next.get()));
            at = next.get();
        }
        assertThat(waits)
                .containsExactly(
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(10),
                        Duration.ofHours(1),
                        Duration.ofHours(2),
                        Duration.ofHours(4),
                        Duration.ofHours(8),
                        Duration.ofHours(8));
        assertThat(Duration.between(T0, at)).isBetween(Duration.ofHours(23), Duration.ofHours(24));
    }
}
