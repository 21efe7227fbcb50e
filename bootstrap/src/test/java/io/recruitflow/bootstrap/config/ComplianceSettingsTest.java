package io.recruitflow.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.message.ComplianceSettings;
import io.recruitflow.domain.shared.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The compliance officer's settings: the margin and the switched-off rules, from the environment or
 * recruitflow.yml, checked at start, and said at every start.
 */
class ComplianceSettingsTest {
    @TempDir
    Path dir;

    private RecruitflowConfig config(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("RECRUITFLOW_GHL_TOKEN", "pit-x");
        all.put("RECRUITFLOW_DATA_DIR", dir.toString());
        return RecruitflowConfig.from(Settings.load(Optional.empty(), all));
    }

    private static ComplianceSettings compliance(RecruitflowConfig c) {
        return c.recruiting().compliance().engine().settings();
    }

    @Test
    void byDefaultTheMarginIsTwoMinutesNothingIsOffAndNothingIsSaid() {
        RecruitflowConfig c = config(Map.of());
        assertThat(compliance(c).margin()).isEqualTo(Duration.ofMinutes(2));
        assertThat(compliance(c).switchedOff()).isEmpty();
        assertThat(c.complianceNotices()).isEmpty();
    }

    @Test
    void aMarginAndSwitchedOffRulesAreTakenAndEachIsSaidWithItsSource() {
        RecruitflowConfig c = config(Map.of(
                "RECRUITFLOW_COMPLIANCE_MARGIN", "5m",
                "RECRUITFLOW_COMPLIANCE_DISABLED_RULES", "MS.holidays, TX-hours,il.hours"));

        assertThat(compliance(c).margin()).isEqualTo(Duration.ofMinutes(5));
        assertThat(compliance(c).switchedOff()).containsExactlyInAnyOrder("MS.holidays", "TX.hours", "IL.hours");
        List<String> notices = c.complianceNotices();
        assertThat(notices).hasSize(4);
        assertThat(notices.get(0)).contains("IL.hours is switched off").contains("815 ILCS");
        assertThat(notices)
                .anySatisfy(n -> assertThat(n).contains("MS.holidays").contains("3-3-7"));
        assertThat(notices).anySatisfy(n -> assertThat(n).contains("TX.hours").contains("301.051"));
        assertThat(notices.get(3)).contains("margin is 300 s").contains("RECRUITFLOW_COMPLIANCE_MARGIN");
    }

    @Test
    void theYamlFileTakesThemToo() throws Exception {
        Path file = dir.resolve("recruitflow.yml");
        Files.writeString(file, """
                compliance:
                  margin: 0
                  disabledRules:
                    - MS.holidays
                    - RI.holidays
                """);
        Settings s = Settings.load(Optional.of(file), Map.of("RECRUITFLOW_GHL_TOKEN", "pit-x"));
        ComplianceSettings c = RecruitflowConfig.compliance(s);
        assertThat(c.margin()).isZero();
        assertThat(c.switchedOff()).containsExactlyInAnyOrder("MS.holidays", "RI.holidays");
    }

    @Test
    void anUnknownRuleTheFederalRuleOrABadMarginStopsTheStartWithAClearError() {
        assertThatThrownBy(() -> config(Map.of("RECRUITFLOW_COMPLIANCE_DISABLED_RULES", "TX.hours,ZZ.hours")))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("RECRUITFLOW_COMPLIANCE_DISABLED_RULES")
                .hasMessageContaining("no compliance rule 'ZZ.hours'")
                .hasMessageContaining("FL.hours");
        assertThatThrownBy(() -> config(Map.of("RECRUITFLOW_COMPLIANCE_DISABLED_RULES", "US.hours")))
                .hasMessageContaining("the federal rule US.hours cannot be switched off");
        assertThatThrownBy(() -> config(Map.of("RECRUITFLOW_COMPLIANCE_MARGIN", "2 minutes")))
                .hasMessageContaining("RECRUITFLOW_COMPLIANCE_MARGIN")
                .hasMessageContaining("not a duration");
        assertThatThrownBy(() -> config(Map.of("RECRUITFLOW_COMPLIANCE_MARGIN", "2h")))
                .hasMessageContaining("RECRUITFLOW_COMPLIANCE_MARGIN")
                .hasMessageContaining("between 0 and 1 hour");
    }

    @Test
    void theServiceSaysAtStartWhichRulesAreOff() {
        Logger log = (Logger) LoggerFactory.getLogger(RecruitflowRuntime.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        log.addAppender(appender);
        ch.qos.logback.classic.Level level = log.getLevel();
        log.setLevel(ch.qos.logback.classic.Level.INFO);
        RecruitflowConfig c = config(Map.of("RECRUITFLOW_COMPLIANCE_DISABLED_RULES", "MS.holidays"));
        try (RecruitflowRuntime runtime = RecruitflowRuntime.open(c, Clock.system())) {
            assertThat(appender.list)
                    .filteredOn(e -> e.getFormattedMessage().contains("MS.holidays is switched off"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getLevel().toString()).isEqualTo("WARN"));
        } finally {
            log.detachAppender(appender);
            log.setLevel(level);
        }
    }
}
