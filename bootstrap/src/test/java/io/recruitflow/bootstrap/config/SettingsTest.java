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
                .hasMessageContaining("unknown key 'ghl.rateLimt'")
                .hasMessageContaining("ghl.rateLimit");
        assertThatThrownBy(() -> Settings.load(Optional.empty(), Map.of("RECRUITFLOW_GHL_TOKN", "x")))
                .hasMessageContaining("RECRUITFLOW_GHL_TOKN");
    }

    @Test
    void theWebhookReplayWindowIsTwoHoursBackAndFiveMinutesAheadAndConfigurable() {
        Map<String, String> base = Map.of("RECRUITFLOW_GHL_TOKEN", "pit-x", "RECRUITFLOW_DATA_DIR", dir.toString());
        RecruitflowConfig defaults = RecruitflowConfig.from(Settings.load(Optional.empty(), base));
        assertThat(defaults.webhook().maxAge()).isEqualTo(java.time.Duration.ofHours(2));
        assertThat(defaults.webhook().maxSkew()).isEqualTo(java.time.Duration.ofMinutes(5));

        Map<String, String> env = new java.util.HashMap<>(base);
        env.put("RECRUITFLOW_WEBHOOK_MAX_AGE", "90m");
        env.put("RECRUITFLOW_WEBHOOK_MAX_SKEW", "PT1M");
        RecruitflowConfig set = RecruitflowConfig.from(Settings.load(Optional.empty(), env));
        assertThat(set.webhook().maxAge()).isEqualTo(java.time.Duration.ofMinutes(90));
        assertThat(set.webhook().maxSkew()).isEqualTo(java.time.Duration.ofMinutes(1));
    }

    @Test
    void unsignedWebhooksAreRefusedAgainstGhlsProductionApiAndAllowedAgainstTheSandbox() {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "RECRUITFLOW_GHL_TOKEN", "pit-x",
                "RECRUITFLOW_DATA_DIR", dir.toString(),
                "RECRUITFLOW_WEBHOOK_ALLOW_UNSIGNED", "true"));
        assertThatThrownBy(() -> RecruitflowConfig.from(Settings.load(Optional.empty(), env)))
                .hasMessageContaining("RECRUITFLOW_WEBHOOK_ALLOW_UNSIGNED=true is refused against GHL's production API")
                .hasMessageContaining("services.leadconnectorhq.com");

        env.put("RECRUITFLOW_GHL_BASE_URL", "http://127.0.0.1:8089");
        assertThat(RecruitflowConfig.from(Settings.load(Optional.empty(), env))
                        .webhook()
                        .allowUnsigned())
                .isTrue();
    }

    @Test
    void aWrongReplayWindowSaysWhatToFix() {
        Map<String, String> env = new java.util.HashMap<>(
                Map.of("RECRUITFLOW_GHL_TOKEN", "pit-x", "RECRUITFLOW_DATA_DIR", dir.toString()));
        env.put("RECRUITFLOW_WEBHOOK_MAX_AGE", "two hours");
        env.put("RECRUITFLOW_WEBHOOK_MAX_SKEW", "3h");
        assertThatThrownBy(() -> RecruitflowConfig.from(Settings.load(Optional.empty(), env)))
                .hasMessageContaining("RECRUITFLOW_WEBHOOK_MAX_AGE: 'two hours' is not a duration")
                .hasMessageContaining("RECRUITFLOW_WEBHOOK_MAX_SKEW must be more than 0 and at most 1h");
    }

    @Test
    void theSymmetricToleranceOfEarlierVersionsNamesItsReplacements() {
        assertThatThrownBy(
                        () -> Settings.load(Optional.empty(), Map.of("RECRUITFLOW_WEBHOOK_TOLERANCE_SECONDS", "300")))
                .hasMessageContaining(
                        "RECRUITFLOW_WEBHOOK_TOLERANCE_SECONDS is replaced by RECRUITFLOW_WEBHOOK_MAX_AGE")
                .hasMessageContaining("RECRUITFLOW_WEBHOOK_MAX_SKEW");
    }

    @Test
    void invalidYamlSaysSo() throws IOException {
        Path file = yaml("ghl: [unclosed\n");
        assertThatThrownBy(() -> Settings.load(Optional.of(file), Map.of())).hasMessageContaining("not valid YAML");
    }

    @Test
    void enumeratedSettingsAreChecked() {
        assertThatThrownBy(() ->
                        Settings.load(Optional.empty(), Map.of("RECRUITFLOW_COMPLIANCE_QUIET_HOURS", "sometimes")))
                .hasMessageContaining("RECRUITFLOW_COMPLIANCE_QUIET_HOURS must be one of");
    }

    @Test
    void secretsAreMaskedEverywhereTheyArePrinted() {
        Settings s = Settings.load(
                Optional.empty(),
                Map.of(
                        "RECRUITFLOW_GHL_TOKEN",
                        "pit-very-secret",
                        "RECRUITFLOW_SECRET_KEY",
                        "c2VjcmV0",
                        "RECRUITFLOW_ADMIN_TOKEN",
                        "admin-very-secret"));
        assertThat(s.masked().toString())
                .doesNotContain("very-secret")
                .doesNotContain("c2VjcmV0")
                .contains("****** (set)");
    }

    @Test
    void credentialsInsideAUrlAreMaskedWhenPrinted() {
        Settings s = Settings.load(
                Optional.empty(),
                Map.of(
                        "RECRUITFLOW_DB_URL",
                        "jdbc:postgresql://db.internal:5432/rf?user=rf&password=hunter2&sslpassword=keypass&ssl=true",
                        "RECRUITFLOW_GHL_BASE_URL",
                        "https://proxyuser:proxy-pass@ghl-proxy.internal/v2?apiKey=k3y&region=us"));
        String printed = s.masked().toString();
        assertThat(printed)
                .doesNotContain("hunter2", "keypass", "proxy-pass", "k3y")
                .contains("jdbc:postgresql://db.internal:5432/rf?user=rf&password=***&sslpassword=***&ssl=true")
                .contains("https://proxyuser:***@ghl-proxy.internal/v2?apiKey=***&region=us");
        // The effective value is untouched: only what is printed is masked.
        assertThat(s.get(Setting.DB_URL)).get().asString().contains("hunter2");
        assertThat(Settings.maskUrlCredentials("postgresql://rf:s3cr%40t@db/x;password=p;user=rf"))
                .isEqualTo("postgresql://rf:***@db/x;password=***;user=rf");
        assertThat(Settings.maskUrlCredentials("https://services.leadconnectorhq.com"))
                .isEqualTo("https://services.leadconnectorhq.com");
        assertThat(Settings.maskUrlCredentials("mailto:a@b.co")).isEqualTo("mailto:a@b.co");
    }

    @Test
    void theConfigurationNamesEveryProblemAtOnce() {
        Settings s = Settings.load(
                Optional.empty(),
                Map.of(
                        "RECRUITFLOW_GHL_RATE_LIMIT",
                        "fast",
                        "RECRUITFLOW_JOB_THREADS",
                        "0",
                        "RECRUITFLOW_HTTP_PORT",
                        "99999"));
        assertThatThrownBy(() -> RecruitflowConfig.from(s))
                .hasMessageContaining("GHL credentials are missing")
                .hasMessageContaining("RECRUITFLOW_JOB_THREADS must be a positive whole number")
                .hasMessageContaining("RECRUITFLOW_HTTP_PORT must be a port number");
    }

    @Test
    void aValidConfigurationBuildsEveryAdaptersConfig() {
        Settings s = Settings.load(
                Optional.empty(),
                Map.of(
                        "RECRUITFLOW_GHL_TOKEN",
                        "pit-x",
                        "RECRUITFLOW_GHL_LOCATION_ID",
                        "loc_abc123",
                        "RECRUITFLOW_COMPLIANCE_QUIET_HOURS",
                        "off",
                        "RECRUITFLOW_DATA_DIR",
                        dir.toString()));
        RecruitflowConfig config = RecruitflowConfig.from(s);
        assertThat(config.quietHoursOff()).isTrue();
        assertThat(config.recruiting().compliance().enforcesQuietHours()).isFalse();
        assertThat(config.defaultLocation()).map(Object::toString).contains("loc_abc123");
        assertThat(config.database().embedded()).isTrue();
        assertThat(config.toString()).doesNotContain("pit-x");
    }

    @Test
    void oauthTokensAreRefreshedTenMinutesBeforeExpiryUnlessConfiguredOtherwise() {
        Map<String, String> env = Map.of("RECRUITFLOW_GHL_TOKEN", "pit-x", "RECRUITFLOW_DATA_DIR", dir.toString());
        assertThat(RecruitflowConfig.from(Settings.load(Optional.empty(), env))
                        .ghl()
                        .refreshSkew())
                .isEqualTo(java.time.Duration.ofMinutes(10));
        Map<String, String> longer = new java.util.HashMap<>(env);
        longer.put("RECRUITFLOW_GHL_REFRESH_SKEW", "2h");
        assertThat(RecruitflowConfig.from(Settings.load(Optional.empty(), longer))
                        .ghl()
                        .refreshSkew())
                .isEqualTo(java.time.Duration.ofHours(2));
        longer.put("RECRUITFLOW_GHL_REFRESH_SKEW", "30s");
        assertThatThrownBy(() -> RecruitflowConfig.from(Settings.load(Optional.empty(), longer)))
                .hasMessageContaining("RECRUITFLOW_GHL_REFRESH_SKEW: at least 1m, not '30s'");
    }

    @Test
    void recruitingIsConfigurable() {
        Settings s = Settings.load(
                Optional.empty(),
                Map.of(
                        "RECRUITFLOW_GHL_TOKEN",
                        "pit-x",
                        "RECRUITFLOW_DATA_DIR",
                        dir.toString(),
                        "RECRUITFLOW_INTAKE_TAGS",
                        "Licensed, Agent-Lead",
                        "RECRUITFLOW_INTRO_SMS",
                        "Hey {First}, licensed in {State}?",
                        "RECRUITFLOW_PIPELINE_STAGES",
                        "New,Texted,Warm,Booked,Signed",
                        "RECRUITFLOW_WORKFLOW_NAME",
                        "Nurture",
                        "RECRUITFLOW_LEAD_EXTRA_COLUMNS",
                        "Upline=cf_upline, Agency Name=cf_agency"));
        RecruitflowConfig config = RecruitflowConfig.from(s);
        assertThat(config.recruiting().baseTags()).containsExactly("Licensed", "Agent-Lead");
        assertThat(config.recruiting().introSms().render(Map.of("First", "Ann", "State", "Texas")))
                .isEqualTo("Hey Ann, licensed in Texas?");
        assertThat(config.recruiting().stageNames().nameOf(io.recruitflow.domain.pipeline.RecruitingStage.CONTRACTED))
                .isEqualTo("Signed");
        assertThat(config.recruiting().speedToLeadWorkflow()).isEqualTo("Nurture");
        assertThat(config.leadFile().customFieldColumns())
                .containsEntry("Upline", "cf_upline")
                .containsEntry("Agency Name", "cf_agency");
    }

    @Test
    void recruitingMistakesSayWhatToFix() {
        Settings stages = Settings.load(
                Optional.empty(),
                Map.of(
                        "RECRUITFLOW_GHL_TOKEN",
                        "pit-x",
                        "RECRUITFLOW_DATA_DIR",
                        dir.toString(),
                        "RECRUITFLOW_PIPELINE_STAGES",
                        "Lead,Contacted",
                        "RECRUITFLOW_LEAD_EXTRA_COLUMNS",
                        "NPN"));
        assertThatThrownBy(() -> RecruitflowConfig.from(stages))
                .hasMessageContaining("RECRUITFLOW_PIPELINE_STAGES needs the names of the 5 stages")
                .hasMessageContaining("RECRUITFLOW_LEAD_EXTRA_COLUMNS: 'NPN' is not name=value");
        Settings template = Settings.load(
                Optional.empty(),
                Map.of(
                        "RECRUITFLOW_GHL_TOKEN",
                        "pit-x",
                        "RECRUITFLOW_DATA_DIR",
                        dir.toString(),
                        "RECRUITFLOW_INTRO_SMS",
                        "Hi {Frist}"));
        assertThatThrownBy(() -> RecruitflowConfig.from(template))
                .hasMessageContaining("RECRUITFLOW_INTRO_SMS: unknown placeholder(s) [{Frist}]");
    }

    @Test
    void theColumnMapComesFromTheFileAsTextOrAsAListAndReachesTheLeadFileConfig() throws IOException {
        Path text = yaml("intake:\n  columnMap: First Name=Agent First Name, Phone=Cell 2\n");
        assertThat(RecruitflowConfig.leadFile(Settings.load(Optional.of(text), Map.of()))
                        .columnMapping()
                        .toString())
                .isEqualTo("First Name=Agent First Name, Phone=Cell 2");

        Path list = yaml("intake:\n  columnMap:\n    - First Name=Agent First Name\n    - Phone=Cell 2\n"
                + "  tags: [Licensed, Imported]\n");
        Settings fromList = Settings.load(Optional.of(list), Map.of());
        assertThat(RecruitflowConfig.leadFile(fromList).columnMapping().toString())
                .isEqualTo("First Name=Agent First Name, Phone=Cell 2");
        assertThat(RecruitflowConfig.recruiting(fromList).baseTags()).containsExactly("Licensed", "Imported");
    }

    @Test
    void aColumnMapNamingAnUnknownFieldIsAConfigurationErrorNamingTheVariable() {
        Settings s = Settings.load(Optional.empty(), Map.of("RECRUITFLOW_LEAD_COLUMN_MAP", "Frist Name=Given"));
        assertThatThrownBy(() -> RecruitflowConfig.leadFile(s))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("RECRUITFLOW_LEAD_COLUMN_MAP: unknown field 'Frist Name'")
                .hasMessageContaining("First Name, Last Name");
    }

    @Test
    void theNpnGoesToItsCustomFieldByDefaultAndTheExpirationWhenConfigured() {
        assertThat(RecruitflowConfig.recruiting(Settings.load(Optional.empty(), Map.of()))
                        .customFieldIds())
                .containsEntry("npn", "cf_npn")
                .doesNotContainKey("licenseExpiration");
        Settings s = Settings.load(
                Optional.empty(),
                Map.of("RECRUITFLOW_INTAKE_CUSTOM_FIELDS", "licenseState=cf_state,licenseExpiration=cf_expires"));
        assertThat(RecruitflowConfig.recruiting(s).customFieldIds())
                .containsOnly(Map.entry("licenseState", "cf_state"), Map.entry("licenseExpiration", "cf_expires"));
    }

    @Test
    void anNpnColumnConfiguredAsAnExtraColumnBeforeNpnWasAFieldSaysWhereItsCustomFieldGoesNow() {
        Settings s = Settings.load(Optional.empty(), Map.of("RECRUITFLOW_LEAD_EXTRA_COLUMNS", "NPN=cf_npn"));
        assertThatThrownBy(() -> RecruitflowConfig.leadFile(s))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("RECRUITFLOW_LEAD_EXTRA_COLUMNS: column 'NPN' is a standard lead column (NPN)")
                .hasMessageContaining("npn=ID");
    }
}
