package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.InboxEvent;
import io.recruitflow.application.port.InboxStatus;
import io.recruitflow.application.port.Installations;
import io.recruitflow.bootstrap.SandboxConsent;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * GHL's INSTALL webhooks as they really come, on the real adapters against the sandbox (issue 12, item 7): an
 * install of another marketplace app is not ours to act on; an agency-level install names no location; an
 * install "via future locations" lacks {@code companyId} (webhook-events/AppInstall.md): its token is minted
 * from the one agency's held, and without one the event says so in the inbox instead of the location looking
 * installed; a bulk install names its locations in {@code locationIds} (GHL's official SDK) and each gets its
 * token minted from the agency's; a location's own install keeps the token its code exchange stored.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class InstallWebhooksE2eTest {
    private static final String REDIRECT = "http://localhost:8080/oauth/callback";
    private static final LocationId WEST = new LocationId("loc_def456");
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @TempDir
    Path dir;

    @Test
    void installWebhooksOfOtherAppsAgenciesFutureLocationsAndBulkInstallsAreHandledAsGhlSendsThem() throws Exception {
        try (GhlSandbox sandbox =
                GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit("1000/1s"))) {
            Path keys = dir.resolve("webhook-public-keys.pem");
            Files.writeString(
                    keys,
                    sandbox.publicKeysPem().ed25519() + "\n"
                            + sandbox.publicKeysPem().rsa() + "\n");
            Settings settings = Settings.load(Optional.empty(), Map.of())
                    .with(Setting.GHL_BASE_URL, sandbox.baseUrl())
                    .with(Setting.GHL_CLIENT_ID, sandbox.credentials().oauth().clientId())
                    .with(
                            Setting.GHL_CLIENT_SECRET,
                            sandbox.credentials().oauth().clientSecret())
                    .with(Setting.GHL_REDIRECT_URI, REDIRECT)
                    .with(Setting.GHL_LOCATION_ID, E2e.LOCATION)
                    .with(Setting.GHL_RATE_LIMIT, "1000/1s")
                    .with(Setting.DATA_DIR, dir.resolve("data").toString())
                    .with(Setting.HTTP_PORT, "0")
                    .with(Setting.WEBHOOK_PUBLIC_KEYS, keys.toString());
            try (RecruitflowRuntime runtime =
                    RecruitflowRuntime.open(RecruitflowConfig.from(settings), Clock.system())) {
                int port = runtime.startHttp();
                sandbox.subscribeWebhooks(URI.create("http://127.0.0.1:" + port + "/webhooks/ghl"));
                runtime.startJobs();
                EventInbox inbox = runtime.injector().getInstance(EventInbox.class);
                CredentialStore credentials = runtime.injector().getInstance(CredentialStore.class);

                Installations installations = runtime.injector().getInstance(Installations.class);

                // A location installs through the marketplace: the consent page sends its INSTALL (with the
                // company), and the code is exchanged for the location's token. The INSTALL keeps that token; it
                // no longer tries to mint one from an agency token Recruitflow does not have.
                installations.complete(authorizationCode(sandbox), Installations.Installer.LOCATION);
                assertThat(credentials.find(location(new LocationId(E2e.LOCATION))))
                        .isPresent();
                assertThat(awaitEvents(inbox, 1).get(0).status()).isEqualTo(InboxStatus.PROCESSED);

                // Another marketplace app's INSTALL is not ours: kept as ignored, with the reason.
                install(sandbox, "otherApp", WEST.value());
                InboxEvent otherApp = awaitEvents(inbox, 2).get(1);
                assertThat(otherApp.status()).isEqualTo(InboxStatus.IGNORED);
                assertThat(otherApp.lastError().orElseThrow()).contains("of another app");
                assertThat(credentials.find(location(WEST))).isEmpty();

                // Agency level: no location named, nothing to mint; recorded.
                install(sandbox, "agency", null);
                InboxEvent agency = awaitEvents(inbox, 3).get(2);
                assertThat(agency.status()).isEqualTo(InboxStatus.IGNORED);
                assertThat(agency.lastError().orElseThrow())
                        .contains("agency-level INSTALL of company comp_abc, naming no location");

                // "Future locations": the location without its company, and no agency token to mint from: the
                // inbox says so (before, it was processed as "active" and nothing was minted).
                install(sandbox, "futureLocation", WEST.value());
                InboxEvent future = awaitEvents(inbox, 4).get(3);
                assertThat(future.status()).isEqualTo(InboxStatus.IGNORED);
                assertThat(future.lastError().orElseThrow())
                        .contains("location loc_def456 installed without access: the install names no agency");
                assertThat(credentials.find(location(WEST))).isEmpty();

                // The agency installs (its consent sends one more INSTALL). Now a future location's INSTALL gets
                // its token from the one agency whose token is held.
                installations.complete(authorizationCode(sandbox), Installations.Installer.AGENCY);
                assertThat(credentials.find(new CredentialOwner("COMPANY", "comp_abc")))
                        .isPresent();
                awaitEvents(inbox, 5);
                install(sandbox, "futureLocation", WEST.value());
                assertThat(awaitEvents(inbox, 6).get(5).status()).isEqualTo(InboxStatus.PROCESSED);
                assertThat(credentials.find(location(WEST))).isPresent();

                // A bulk install names its locations: each gets its token from the agency's.
                assertThat(installations.remove(WEST)).isTrue();
                install(sandbox, "bulk", null);
                InboxEvent bulk = awaitEvents(inbox, 7).get(6);
                assertThat(bulk.status()).isEqualTo(InboxStatus.PROCESSED);
                assertThat(credentials.find(location(WEST))).isPresent();
                assertThat(runtime.ghl().workflows().list(WEST)).isNotEmpty();
            }
        }
    }

    private static CredentialOwner location(LocationId location) {
        return new CredentialOwner("LOCATION", location.value());
    }

    /** Waits until {@code count} INSTALL events are settled (processed or ignored); answers them oldest first. */
    private static List<InboxEvent> awaitEvents(EventInbox inbox, int count) throws InterruptedException {
        List<InboxEvent>[] settled = new List[1];
        E2e.await(
                WAIT,
                Duration.ofMillis(50),
                () -> {
                    settled[0] = Stream.concat(
                                    inbox.list(InboxStatus.PROCESSED, 100).stream(),
                                    inbox.list(InboxStatus.IGNORED, 100).stream())
                            .filter(e -> e.event().type().equals("INSTALL"))
                            .sorted(java.util.Comparator.comparing(
                                    e -> e.event().receivedAt()))
                            .toList();
                    return settled[0].size() >= count;
                },
                () -> "INSTALL events settled: " + settled[0].size() + " of " + count + "; pending: "
                        + inbox.list(InboxStatus.PENDING, 10).stream()
                                .map(e -> e.lastError().orElse(""))
                                .toList());
        return settled[0];
    }

    private static void install(GhlSandbox sandbox, String kind, String locationId) throws Exception {
        String body = "{\"kind\":\"" + kind + "\""
                + (locationId == null ? "" : ",\"locationId\":\"" + locationId + "\"") + "}";
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/_sandbox/install"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** GHL's consent page approves at once and redirects with a code (and sends the location's INSTALL). */
    private static String authorizationCode(GhlSandbox sandbox) throws Exception {
        return SandboxConsent.authorizationCode(sandbox, REDIRECT, Optional.empty());
    }
}
