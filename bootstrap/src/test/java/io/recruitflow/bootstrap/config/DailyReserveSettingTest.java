package io.recruitflow.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.jobs.DailyReserve;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code RECRUITFLOW_GHL_DAILY_RESERVE}: 5 % by default, a share or a number of calls, anything else refused at start. */
class DailyReserveSettingTest {
    @Test
    void theDefaultKeepsFivePercentOfTheDailyLimit() {
        DailyReserve reserve = RecruitflowConfig.dailyReserve(Settings.load(Optional.empty(), Map.of()));

        assertThat(reserve).isEqualTo(DailyReserve.DEFAULT);
        assertThat(reserve.of(200_000)).isEqualTo(10_000);
    }

    @Test
    void aShareOrANumberOfCallsIsRead() {
        assertThat(RecruitflowConfig.dailyReserve(
                                Settings.load(Optional.empty(), Map.of("RECRUITFLOW_GHL_DAILY_RESERVE", "2%")))
                        .of(200_000))
                .isEqualTo(4_000);
        assertThat(RecruitflowConfig.dailyReserve(
                                Settings.load(Optional.empty(), Map.of("RECRUITFLOW_GHL_DAILY_RESERVE", "500")))
                        .of(200_000))
                .isEqualTo(500);
    }

    @Test
    void anythingElseIsRefusedNamingTheVariable() {
        Settings settings = Settings.load(Optional.empty(), Map.of("RECRUITFLOW_GHL_DAILY_RESERVE", "half"));

        assertThatThrownBy(() -> RecruitflowConfig.dailyReserve(settings))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("RECRUITFLOW_GHL_DAILY_RESERVE");
    }
}
