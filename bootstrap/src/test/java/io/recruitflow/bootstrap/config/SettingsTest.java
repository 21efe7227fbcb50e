package io.recruitflow.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    Path yaml(String text) throws IOException {
        return Files.writeString(dir.resolve("recruitflow.yml"), text);
    }

    @Test
    void defaultsThenFileThenEnvironment() throws IOException {
        Path file = yaml("ghl:\n  rateLimit: 100/60s\n  locationId: loc_file\nhttp:\n  port: 9090\n");
        Settings s = Settings.load(Optional.of(file), Map.of("RECRUITFLOW_GHL_LOCATION_ID", "loc_env"));
        assertThat(s.get(Setting.GHL_BASE_URL)).contains("https://services.leadconnectorhq.com");
        assertThat(s.source(Setting.GHL_BASE_URL)).contains(Settings.Source.DEFAULT);
        assertThat(s.get(Setting.GHL_RATE_LIMIT)).contains("100/60s");
        assertThat(s.source(Setting.GHL_RATE_LIMIT)).contains(Settings.Source.FILE);
        assertThat(s.get(Setting.HTTP_PORT)).contains("9090");
        assertThat(s.get(Setting.GHL_LOCATION_ID)).contains("loc_env");
        assertThat(s.source(Setting.GHL_LOCATION_ID)).contains(Settings.Source.ENVIRONMENT);
    }

    @Test
    void unknownKeysAndVariablesAreNamed() throws IOException {
        Path file = yaml("ghl:\n  rateLimt: 100/60s\n");
        assertThatThrownBy(() -> Settings.load(Optional.of(file), Map.of()))
                .hasMessageContaining("unknown key 'ghl.rateLimt'").hasMessageContaining("ghl.rateLimit");
        assertThatThrownBy(() -> Settings.load(Optional.empty(), Map.of("RECRUITFLOW_GHL_TOKN", "x")))
                .hasMessageContaining("RECRUITFLOW_GHL_TOKN");
    }

    @Test
    void invalidYamlSaysSo() throws IOException {
        Path file = yaml("ghl: [unclosed\n");
        assertThatThrownBy(() -> Settings.load(Optional.of(file), Map.of())).hasMessageContaining("not valid YAML");
    }

    @Test
    void enumeratedSettingsAreChecked() {
        assertThatThrownBy(() -> Settings.load(Optional.empty(), Map.of("RECRUITFLOW_COMPLIANCE_QUIET_HOURS", "sometimes")))
                .hasMessageContaining("RECRUITFLOW_COMPLIANCE_QUIET_HOURS must be one of");
    }

    @Test
    void secretsAreMaskedEverywhereTheyArePrinted() {
        Settings s = Settings.load(Optional.empty(), Map.of("RECRUITFLOW_GHL_TOKEN", "pit-very-secret",
                "RECRUITFLOW_SECRET_KEY", "c2VjcmV0", "RECRUITFLOW_ADMIN_TOKEN", "admin-very-secret"));
        assertThat(s.masked().toString()).doesNotContain("very-secret").doesNotContain("c2VjcmV0")
                .contains("****** (set)");
    }

    @Test
    void theConfigurationNamesEveryProblemAtOnce() {
        Settings s = Settings.load(Optional.empty(), Map.of("RECRUITFLOW_GHL_RATE_LIMIT", "fast",
                "RECRUITFLOW_JOB_THREADS", "0", "RECRUITFLOW_HTTP_PORT", "99999"));
        assertThatThrownBy(() -> RecruitflowConfig.from(s))
                .hasMessageContaining("GHL credentials are missing")
                .hasMessageContaining("RECRUITFLOW_JOB_THREADS must be a positive whole number")
                .hasMessageContaining("RECRUITFLOW_HTTP_PORT must be a port number");
    }

    @Test
    void aValidConfigurationBuildsEveryAdaptersConfig() {
        Settings s = Settings.load(Optional.empty(), Map.of("RECRUITFLOW_GHL_TOKEN", "pit-x",
                "RECRUITFLOW_GHL_LOCATION_ID", "loc_abc123", "RECRUITFLOW_COMPLIANCE_QUIET_HOURS", "off",
                "RECRUITFLOW_DATA_DIR", dir.toString()));
        RecruitflowConfig config = RecruitflowConfig.from(s);
        assertThat(config.quietHoursOff()).isTrue();
        assertThat(config.recruiting().compliance().enforcesQuietHours()).isFalse();
        assertThat(config.defaultLocation()).map(Object::toString).contains("loc_abc123");
        assertThat(config.database().embedded()).isTrue();
        assertThat(config.toString()).doesNotContain("pit-x");
    }
}
