package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.port.Installations;
import io.recruitflow.bootstrap.SandboxConsent;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import io.recruitflow.sandbox.SandboxStats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agency installed once (OAuth, {@code user_type=Company}) feeds any of its locations: imports into
 * {@code loc_0002} and {@code loc_0003} of a sandbox with three locations — through the admin API's
 * {@code ?location=} and through the use case — mint each location's token from the agency's on the way and
 * reach GHL in that location only; a location of no installed agency is refused before any row is accepted.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ImportIntoAnyLocationE2eTest {
    private static final String REDIRECT = "http://127.0.0.1:9/oauth/callback";
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;

    private static GhlSandbox sandbox;
    private static RecruitflowRuntime runtime;
    private static String adminToken;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        sandbox = GhlSandbox.start(
                SandboxConfig.defaults().withPort(0).withRateLimit("100/1s").withLocations(3));
        adminToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Settings settings = Settings.load(Optional.empty(), Map.of())
                .with(Setting.GHL_BASE_URL, sandbox.baseUrl())
                .with(Setting.GHL_CLIENT_ID, sandbox.credentials().oauth().clientId())
                .with(Setting.GHL_CLIENT_SECRET, sandbox.credentials().oauth().clientSecret())
                .with(Setting.GHL_REDIRECT_URI, REDIRECT)
                .with(Setting.GHL_RATE_LIMIT, "100/1s")
                .with(Setting.DATA_DIR, dir.resolve("data").toString())
                .with(Setting.COMPLIANCE_QUIET_HOURS, "off")
                .with(Setting.HTTP_PORT, "0")
                .with(Setting.ADMIN_TOKEN, adminToken);
        runtime = RecruitflowRuntime.open(RecruitflowConfig.from(settings), Clock.system());
        port = runtime.startHttp();
        runtime.startJobs();
        // The agency installs the app once, for all its locations.
        runtime.injector()
                .getInstance(Installations.class)
                .complete(authorizationCode(), Installations.Installer.AGENCY);
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void importsFeedEachOfTheAgencysLocationsAndNoOther() throws Exception {
        List<String> lines = Files.readAllLines(E2e.writeLeads(dir.resolve("all.csv"), 5, 7));
        String header = lines.get(0) + "\n";

        HttpResponse<String> viaApi = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/recruits/import?location=loc_0002"))
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(header + lines.get(1) + "\n" + lines.get(2) + "\n"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(viaApi.statusCode()).as(viaApi.body()).isEqualTo(202);
        List<RecruitId> second = recruitsOf(viaApi.body());
        assertThat(second).hasSize(2);

        ImportReport third = runtime.injector()
                .getInstance(ImportLeadsUseCase.class)
                .importLeads(new ImportLeadsCommand(
                        new LocationId("loc_0003"),
                        new java.io.ByteArrayInputStream((header + String.join("\n", lines.subList(3, 6)) + "\n")
                                .getBytes(StandardCharsets.UTF_8))));
        assertThat(third.accepted()).hasSize(3);

        IntakeRecruitUseCase intake = runtime.injector().getInstance(IntakeRecruitUseCase.class);
        List<RecruitId> all = java.util.stream.Stream.concat(
                        second.stream(), third.accepted().stream().map(r -> r.recruit()))
                .toList();
        E2e.await(
                WAIT,
                Duration.ofMillis(50),
                () -> all.stream().allMatch(intake::isComplete),
                () -> "intakes open: " + all.stream().map(journal()::steps).toList());

        SandboxStats stats = sandbox.stats();
        assertThat(stats.location("loc_0002").contacts()).isEqualTo(2);
        assertThat(stats.location("loc_0002").messagesByType()).containsEntry("SMS", 2L);
        assertThat(stats.location("loc_0003").contacts()).isEqualTo(3);
        assertThat(stats.location("loc_0003").messagesByType()).containsEntry("SMS", 3L);
        assertThat(stats.location("loc_0001").contacts()).isZero();
        assertThat(stats.rateLimited()).isZero();
        Recruits recruits = runtime.injector().getInstance(Recruits.class);
        assertThat(recruits.find(second.get(0)).orElseThrow().location()).isEqualTo(new LocationId("loc_0002"));
    }

    @Test
    void aLocationOfNoInstalledAgencyIsRefusedAndNothingIsAccepted() throws Exception {
        int before = runtime.injector()
                .getInstance(Recruits.class)
                .all(Optional.empty())
                .size();

        assertThatThrownBy(() -> runtime.injector()
                        .getInstance(ImportLeadsUseCase.class)
                        .importLeads(new ImportLeadsCommand(
                                new LocationId("loc_elsewhere"),
                                new java.io.ByteArrayInputStream(
                                        Files.readAllBytes(E2e.writeLeads(dir.resolve("x.csv"), 1, 9))))))
                .isInstanceOf(ImportLeadsUseCase.LocationNotReachable.class)
                .hasMessageContaining("no access to location loc_elsewhere");
        HttpResponse<String> viaApi = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/recruits/import?location=loc_elsewhere"))
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofFile(dir.resolve("x.csv")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(viaApi.statusCode()).isEqualTo(422);
        assertThat(viaApi.body()).contains("location_not_installed");
        assertThat(runtime.injector()
                        .getInstance(Recruits.class)
                        .all(Optional.empty())
                        .size())
                .isEqualTo(before);
    }

    private static List<RecruitId> recruitsOf(String importAnswer) {
        String accepted =
                importAnswer.substring(importAnswer.indexOf("\"accepted\""), importAnswer.indexOf("\"known\""));
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(accepted);
        List<RecruitId> ids = new java.util.ArrayList<>();
        while (id.find()) {
            ids.add(RecruitId.parse(id.group(1)));
        }
        return ids;
    }

    /** The agency's install: GHL's consent page approves at once and redirects with a code. */
    private static String authorizationCode() throws Exception {
        return SandboxConsent.authorizationCode(sandbox, REDIRECT, Optional.empty());
    }

    private static IntakeJournal journal() {
        return runtime.injector().getInstance(IntakeJournal.class);
    }
}
