package io.recruitflow.adapter.ghl;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.Installations;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import java.net.URI;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link Installations#reaches}: which locations a set-up can work in, against a sandbox of three locations. */
class ReachesLocationTest {
    private static final LocationId FIRST = new LocationId("loc_0001");
    private static final LocationId SECOND = new LocationId("loc_0002");
    private static GhlSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = GhlSandbox.start(
                SandboxConfig.defaults().withPort(0).withRateLimit("1000/1s").withLocations(3));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aPrivateIntegrationTokenReachesOnlyItsOwnLocation() {
        try (GhlClient configured = staticClient(true);
                GhlClient unnamed = staticClient(false)) {
            assertThat(configured.installations().reaches(FIRST)).isTrue();
            assertThat(configured.installations().reaches(SECOND)).isFalse();
            assertThat(unnamed.installations().reaches(SECOND))
                    .as("no location configured: cannot tell")
                    .isTrue();
        }
    }

    @Test
    void anAgencyInstallReachesEveryLocationOfTheAgencyMintingItsTokenOnce() throws Exception {
        CountingCredentialStore store = new CountingCredentialStore();
        try (GhlClient client = oauthClient(store, null)) {
            assertThat(client.installations().reaches(SECOND))
                    .as("before any install")
                    .isFalse();

            client.installations().complete(code(client), Installations.Installer.AGENCY);
            long before = sandbox.stats().requests();
            assertThat(client.installations().reaches(SECOND)).isTrue();
            assertThat(sandbox.stats().requests() - before)
                    .as("POST /oauth/locationToken")
                    .isEqualTo(1);
            assertThat(store.tokens.find(TokenOwner.location(SECOND))).isPresent();
            assertThat(client.installations().reaches(SECOND)).isTrue();
            assertThat(sandbox.stats().requests() - before)
                    .as("the stored token is reused")
                    .isEqualTo(1);
            assertThat(client.workflows().list(SECOND)).isNotEmpty();
            assertThat(client.installations().reaches(new LocationId("loc_elsewhere")))
                    .as("not a location of the agency")
                    .isFalse();
        }
        // After a restart the configured agency (RECRUITFLOW_GHL_COMPANY_ID) mints the tokens.
        try (GhlClient restarted = oauthClient(store, "comp_abc")) {
            assertThat(restarted.installations().reaches(new LocationId("loc_0003")))
                    .isTrue();
        }
    }

    private static GhlClient staticClient(boolean withLocation) {
        GhlClientConfig.Builder config = GhlClientConfig.builder()
                .baseUrl(sandbox.baseUrl())
                .privateIntegrationToken(
                        sandbox.credentials().location(FIRST.value()).privateIntegrationToken());
        if (withLocation) {
            config.defaultLocation(FIRST.value());
        }
        return GhlClient.create(config.build(), null, Clock.system());
    }

    private static GhlClient oauthClient(CountingCredentialStore store, String company) {
        var oauth = sandbox.credentials().oauth();
        return GhlClient.create(
                GhlClientConfig.builder()
                        .baseUrl(sandbox.baseUrl())
                        .marketplaceUrl(sandbox.baseUrl())
                        .oauth(oauth.clientId(), oauth.clientSecret(), "http://127.0.0.1/cb")
                        .defaultCompany(company)
                        .rateLimit("50/1s")
                        .build(),
                store,
                Clock.system());
    }

    private static String code(GhlClient client) throws Exception {
        URI authorize = client.installations().consentUrl("s1");
        try (Response r = new OkHttpClient.Builder()
                .followRedirects(false)
                .build()
                .newCall(new Request.Builder().url(authorize.toString()).build())
                .execute()) {
            assertThat(r.code()).isEqualTo(302);
            return HttpUrl.get(r.header("Location")).queryParameter("code");
        }
    }
}
