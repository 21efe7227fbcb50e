package io.recruitflow.bootstrap;

import static io.recruitflow.bootstrap.ComplianceCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.bootstrap.ComplianceCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compliance check --config FILE} decides as the configured service would: its margin, its rules off. */
class ComplianceCheckSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aSwitchedOffRuleAndTheMarginOfTheConfigurationAreApplied() throws Exception {
        // 19:59 in Miami: Florida's window closes at 20:00, inside the default 2-minute margin.
        String[] check = {"compliance", "check", "--phone", "+13055550100", "--at", "2026-02-13T00:59:00Z"};
        Run defaults = run(check);
        assertThat(defaults.exit()).isZero();
        assertThat(defaults.out())
                .startsWith("defer:")
                .contains("FL: texts only 08:00–20:00")
                .doesNotContain("switched off");

        Path config = dir.resolve("recruitflow.yml");
        Files.writeString(config, "compliance:\n  disabledRules: FL.hours\n");
        Run off = run(concat(check, "--config", config.toString()));
        assertThat(off.exit()).isZero();
        assertThat(off.out()).startsWith("send:").contains("switched off: FL.hours");

        Files.writeString(config, "compliance:\n  margin: 0\n");
        assertThat(run(concat(check, "--config", config.toString())).out()).startsWith("send:");

        Files.writeString(config, "compliance:\n  disabledRules: ZZ.hours\n");
        Run bad = run(concat(check, "--config", config.toString()));
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err())
                .contains("RECRUITFLOW_COMPLIANCE_DISABLED_RULES")
                .contains("ZZ.hours")
                .doesNotContain("\tat ");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
