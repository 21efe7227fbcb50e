package io.recruitflow.bootstrap.multi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.Installations;
import io.recruitflow.application.port.StoredCredential;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.SuspendedLocations;
import io.recruitflow.sandbox.GhlSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * GHL refuses a location's refresh token ({@code invalid_grant}, here: a token the sandbox never issued, as after
 * a refresh whose pair was lost): the location is suspended with the reason "reinstall required", which the
 * dashboard shows and {@code /metrics} counts, over real HTTP on the service; installing the app again lifts it.
 */
class ReinstallRequiredTest {
    private static final String LOCATION = "loc_abc123";
    private static final String ADMIN_TOKEN = "reinstall-admin-token-0123456789";
    private static final Duration LIFETIME = Duration.ofMinutes(30);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T11:00:00Z"));
    private final Clock clock = now::get;
    private final HttpClient http = HttpClient.newHttpClient();

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
