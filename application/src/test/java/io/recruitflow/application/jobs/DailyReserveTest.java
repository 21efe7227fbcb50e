package io.recruitflow.application.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.port.CallBudget;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DailyReserveTest {
    private static final Instant NOW = Instant.parse("2026-03-11T18:00:00Z");
    private static final Instant RESET = Instant.parse("2026-03-12T00:00:00Z");

    private static CallBudget left(long remaining, Instant reset) {
        return new CallBudget(100, 100, Duration.ofSeconds(10), 200_000, remaining, reset);
    }

    @Test
    void readsAShareOrANumberOfCalls() {
        assertThat(DailyReserve.parse("5%").of(200_000)).isEqualTo(10_000);
        assertThat(DailyReserve.parse(" 2.5 % ").of(200_000)).isEqualTo(5_000);
        assertThat(DailyReserve.parse("1000").of(200_000)).isEqualTo(1_000);
        assertThat(DailyReserve.parse("0%").of(200_000)).isZero();
        assertThat(DailyReserve.DEFAULT).hasToString("5%");
        assertThat(DailyReserve.parse("1000")).hasToString("1000 calls");
        assertThatThrownBy(() -> DailyReserve.parse("101%")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DailyReserve.parse("-3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DailyReserve.parse("lots")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void followUpsWaitForTheResetOnceTheRemainingIsDownToTheReserve() {
        DailyReserve reserve = DailyReserve.DEFAULT;
        assertThat(reserve.followUpsDeferredUntil(left(10_001, RESET), NOW)).isEmpty();
        assertThat(reserve.followUpsDeferredUntil(left(10_000, RESET), NOW)).contains(RESET);
        assertThat(reserve.spentUntil(left(10_000, RESET), NOW)).isEmpty();
        assertThat(reserve.spentUntil(left(0, RESET), NOW)).contains(RESET);
    }

    @Test
    void aBudgetPastItsResetNoLongerHoldsAnythingBack() {
        DailyReserve reserve = DailyReserve.DEFAULT;
        assertThat(reserve.followUpsDeferredUntil(left(0, RESET), RESET)).isEmpty();
        assertThat(reserve.spentUntil(left(0, RESET), RESET.plusSeconds(1))).isEmpty();
    }

    @Test
    void withoutADeclaredResetNothingIsHeldBack() {
        DailyReserve reserve = DailyReserve.DEFAULT;
        assertThat(reserve.followUpsDeferredUntil(left(0, null), NOW)).isEmpty();
        assertThat(reserve.spentUntil(left(0, null), NOW)).isEmpty();
    }
}
