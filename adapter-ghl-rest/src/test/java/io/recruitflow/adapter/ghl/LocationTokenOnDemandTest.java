package io.recruitflow.adapter.ghl;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.Installations;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * After an agency install, an ordinary call on any of the agency's locations mints that location's token on the
 * way ({@code POST /oauth/locationToken}), once, however many threads and instances make the first call together;
 * counted by a sandbox of five locations.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocationTokenOnDemandTest {
    private static GhlSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = GhlSandbox.start(
                SandboxConfig.defaults().withPort(0).withRateLimit("1000/1s").withLocations(5));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void theFirstCallOnAnUnseenLocationMintsItsTokenOnceAndGoesOn() throws Exception {
        LocationId third = new LocationId("loc_0003");
        CountingCredentialStore store = new CountingCredentialStore();
        try (GhlClient client = oauthClient(store)) {
            client.installations().complete(code(client), Installations.Installer.AGENCY);
            assertThat(store.tokens.find(TokenOwner.location(third))).isEmpty();

            assertThat(client.workflows().list(third)).isNotEmpty();
            assertThat(client.pipelines().list(third)).isNotEmpty();

            assertThat(minted(third)).isEqualTo(1);
            assertThat(store.tokens.find(TokenOwner.location(third))).isPresent();
            assertThat(sandbox.stats().location("loc_0003").requests())
                    .as("both calls with the location's own token")
                    .isEqualTo(2);
        }
    }

    @Test
    void concurrentFirstCallsInOneInstanceMintOnce() throws Exception {
        LocationId fourth = new LocationId("loc_0004");
        CountingCredentialStore store = new CountingCredentialStore();
        try (GhlClient client = oauthClient(store)) {
            client.installations().complete(code(client), Installations.Installer.AGENCY);

            List<Integer> sizes =
                    together(32, i -> client.workflows().list(fourth).size());

            assertThat(sizes).hasSize(32).allMatch(n -> n > 0);
            assertThat(minted(fourth)).isEqualTo(1);
        }
    }

    @Test
    void twoInstancesOnOneStoreMintOnceAndTheOtherReusesTheStoredToken() throws Exception {
        LocationId fifth = new LocationId("loc_0005");
        CountingCredentialStore store = new CountingCredentialStore();
        try (GhlClient first = oauthClient(store);
                GhlClient second = oauthClient(store)) {
            first.installations().complete(code(first), Installations.Installer.AGENCY);

            List<Integer> sizes = together(
                    32,
                    i -> (i % 2 == 0 ? first : second).workflows().list(fifth).size());

            assertThat(sizes).hasSize(32).allMatch(n -> n > 0);
            assertThat(minted(fifth))
                    .as("the second instance learnt the agency from the store and reused the minted token")
                    .isEqualTo(1);
        }
    }

    @Test
    void aLocationNoAgencyMayMintForFailsAndIsNotAskedForAgainWithinAMinute() throws Exception {
        CountingCredentialStore store = new CountingCredentialStore();
        try (GhlClient client = oauthClient(store)) {
            client.installations().complete(code(client), Installations.Installer.AGENCY);
            LocationId foreign = new LocationId("loc_elsewhere");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> client.workflows().list(foreign))
                    .isInstanceOf(io.recruitflow.domain.shared.ExternalFailure.Rejected.class);
            long requests = sandbox.stats().requests();

            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> client.workflows().list(foreign))
                    .isInstanceOf(io.recruitflow.domain.shared.ExternalFailure.Rejected.class);
            assertThat(client.installations().reaches(foreign)).isFalse();
            assertThat(sandbox.stats().requests())
                    .as("no second POST /oauth/locationToken")
                    .isEqualTo(requests);
        }
    }

    @Test
    void withoutAnAgencyInstallAnUnseenLocationIsStillAccessDenied() {
        CountingCredentialStore store = new CountingCredentialStore();
        try (GhlClient client = oauthClient(store)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> client.workflows().list(new LocationId("loc_0002")))
                    .isInstanceOf(io.recruitflow.domain.shared.ExternalFailure.AccessDenied.class)
                    .hasMessageContaining("no usable credential");
            assertThat(minted(new LocationId("loc_0002"))).isZero();
        }
    }

    private interface Call<T> {
        T run(int i) throws Exception;
    }

    /** Runs {@code n} calls released at the same instant; their results. */
    private static <T> List<T> together(int n, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.run(index);
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long minted(LocationId location) {
        return sandbox.stats().location(location.value()).locationTokens();
    }

    private static GhlClient oauthClient(CountingCredentialStore store) {
        var oauth = sandbox.credentials().oauth();
        return GhlClient.create(
                GhlClientConfig.builder()
                        .baseUrl(sandbox.baseUrl())
                        .marketplaceUrl(sandbox.baseUrl())
                        .oauth(oauth.clientId(), oauth.clientSecret(), "http://127.0.0.1/cb")
                        .rateLimit("500/1s")
                        .build(),
                store,
                Clock.system());
    }

    private static String code(GhlClient client) throws Exception {
        URI authorize = client.installations().consentUrl("s1", Installations.Installer.AGENCY);
        assertThat(authorize.getQuery()).contains("user_type=Company");
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
