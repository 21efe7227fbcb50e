package io.recruitflow.bootstrap.multi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.intakerecruit.IntakeSaga;
import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.Installations;
import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.port.StoredCredential;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.IntakePhase;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.SuspendedLocations;
import io.recruitflow.sandbox.GhlSandbox;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * GHL refuses a location's refresh token ({@code invalid_grant}, here: a token the sandbox never issued, as after
 * a refresh whose pair was lost): the location is suspended with the reason "reinstall required", which the
 * dashboard shows and {@code /metrics} counts, over real HTTP on the service, and the location's intake waits
 * without spending its attempts; installing the app again lifts it and the intake goes on.
 */
class ReinstallRequiredTest {
    private static final String LOCATION = "loc_abc123";
    private static final String ADMIN_TOKEN = "reinstall-admin-token-0123456789";
    private static final Duration LIFETIME = Duration.ofMinutes(30);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T11:00:00Z"));
    private final Clock clock = now::get;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void an_intake_whose_refresh_token_is_refused_waits_for_the_reinstall_without_spending_its_attempts()
            throws Exception {
        String url = SharedPostgres.freshDatabase("reinstall_required_intake");
        String key = SharedPostgres.secretKey();
        try (GhlSandbox sandbox = OAuthInstances.sandbox(LIFETIME, now::get);
                RecruitflowRuntime service = RecruitflowRuntime.open(
                        RecruitflowConfig.from(OAuthInstances.settings(sandbox, LOCATION, url, key)
                                .with(Setting.COMPLIANCE_QUIET_HOURS, "off")),
                        clock)) {
            Installations installations = service.injector().getInstance(Installations.class);
            installations.complete(
                    OAuthInstances.authorizationCode(sandbox, LOCATION), Installations.Installer.LOCATION);
            spendRefreshToken(service);
            RecruitId recruit = service.injector()
                    .getInstance(ImportLeadsUseCase.class)
                    .importLeads(new ImportLeadsCommand(
                            new LocationId(LOCATION),
                            new ByteArrayInputStream(("First Name,Last Name,Email,Phone,License State\n"
                                            + "Agent,Tester,agent@example.com,(212) 555-0101,NY\n")
                                    .getBytes(StandardCharsets.UTF_8))))
                    .recruits()
                    .get(0);
            IntakeSaga saga = service.injector().getInstance(IntakeSaga.class);
            IntakeJournal journal = service.injector().getInstance(IntakeJournal.class);

            // The first run's upsert meets GHL's refusal of the refresh token; then an hour of reruns.
            for (int i = 0; i < 12; i++) {
                assertThat(saga.advance(new JobPayload.Intake(recruit, IntakePhase.FIRST)))
                        .isInstanceOf(JobOutcome.RunAgainAt.class);
                now.updateAndGet(t -> t.plus(Duration.ofMinutes(5)));
            }

            StepRecord upsert = journal.find(recruit, IntakeStep.UPSERT_CONTACT).orElseThrow();
            assertThat(upsert.attempts())
                    .as("no attempt spent after the suspension")
                    .isEqualTo(1);
            assertThat(upsert.detail()).contains("location suspended: reinstall required");
            assertThat(sandbox.stats().contacts()).isZero();

            // Installed again: the intake goes on.
            installations.complete(
                    OAuthInstances.authorizationCode(sandbox, LOCATION), Installations.Installer.LOCATION);
            saga.advance(new JobPayload.Intake(recruit, IntakePhase.FIRST));

            StepRecord resumed =
                    journal.find(recruit, IntakeStep.UPSERT_CONTACT).orElseThrow();
            assertThat(resumed.state()).isEqualTo(StepState.DONE);
            assertThat(resumed.attempts()).isEqualTo(2);
            assertThat(sandbox.stats().contacts()).isEqualTo(1);
        }
    }

    /** The stored refresh token becomes one GHL refuses (as after a refresh whose pair was lost), and expires. */
    private void spendRefreshToken(RecruitflowRuntime service) {
        CredentialStore store = service.injector().getInstance(CredentialStore.class);
        CredentialOwner owner = new CredentialOwner("LOCATION", LOCATION);
        StoredCredential installed = store.find(owner).orElseThrow();
        store.save(new StoredCredential(
                owner,
                installed.secret(),
                Optional.of("a-spent-refresh-token"),
                installed.expiresAt(),
                installed.grants()));
        now.updateAndGet(t -> t.plus(LIFETIME).plusSeconds(1));
    }

    @Test
    void a_refused_refresh_token_suspends_the_location_on_the_dashboard_and_in_the_metrics() throws Exception {
        String url = SharedPostgres.freshDatabase("reinstall_required");
        String key = SharedPostgres.secretKey();
        try (GhlSandbox sandbox = OAuthInstances.sandbox(LIFETIME, now::get);
                RecruitflowRuntime service = RecruitflowRuntime.open(
                        RecruitflowConfig.from(OAuthInstances.settings(sandbox, LOCATION, url, key)
                                .with(Setting.ADMIN_TOKEN, ADMIN_TOKEN)),
                        clock)) {
            Installations installations = service.injector().getInstance(Installations.class);
            installations.complete(
                    OAuthInstances.authorizationCode(sandbox, LOCATION), Installations.Installer.LOCATION);
            spendRefreshToken(service);
            int port = service.startHttp();

            ExternalFailure.AccessDenied refused = catchThrowableOfType(
                    ExternalFailure.AccessDenied.class,
                    () -> service.ghl().directory().findLocation(new LocationId(LOCATION)));

            assertThat(refused.getMessage()).contains("invalid_grant").doesNotContain("a-spent-refresh-token");
            SuspendedLocations suspended = service.injector().getInstance(SuspendedLocations.class);
            assertThat(suspended.reason(new LocationId(LOCATION))).contains(SuspendedLocations.REINSTALL_REQUIRED);
            assertThat(get(port, "/metrics").body())
                    .contains("recruitflow_locations_suspended{reason=\"reinstall_required\"} 1.0");
            String page = get(port, "/").body();
            assertThat(page)
                    .contains("id=\"suspended\"")
                    .contains("<tr data-location=\"" + LOCATION + "\">")
                    .contains("reinstall required")
                    .contains("install the app again on this location");

            // The app installed again: the suspension is lifted, on the page and in the metrics.
            installations.complete(
                    OAuthInstances.authorizationCode(sandbox, LOCATION), Installations.Installer.LOCATION);

            assertThat(suspended.all()).isEmpty();
            assertThat(service.ghl().directory().findLocation(new LocationId(LOCATION)))
                    .isPresent();
            assertThat(get(port, "/metrics").body())
                    .contains("recruitflow_locations_suspended{reason=\"reinstall_required\"} 0.0");
            assertThat(get(port, "/").body()).doesNotContain("id=\"suspended\"");
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + ADMIN_TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + path).isEqualTo(200);
        return r;
    }
}
