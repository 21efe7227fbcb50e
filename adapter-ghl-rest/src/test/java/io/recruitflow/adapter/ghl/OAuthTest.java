package io.recruitflow.adapter.ghl;

import static io.recruitflow.adapter.ghl.MockGhl.detail;
import static io.recruitflow.adapter.ghl.MockGhl.json;
import static io.recruitflow.adapter.ghl.MockGhl.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.recruitflow.adapter.ghl.GhlHttpError.Reason;
import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.Installations;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OAuth: the consent URL, form-encoded token calls, installations (complete, add a location, remove), tokens
 * kept in the neutral credential store, refresh ahead of expiry, on 401, and single-flight.
 */
class OAuthTest {
    private static final LocationId LOC = new LocationId("loc_abc123");
    private static final TokenOwner OWNER = TokenOwner.location(LOC);

    private final MockWebServer server = new MockWebServer();
    private final CountingCredentialStore store = new CountingCredentialStore();
    private final Instant now = Instant.parse("2026-02-12T13:00:00Z");
    private final Clock clock = () -> now;
    private GhlClient ghl;

    @BeforeEach
    void start() throws Exception {
        server.start();
        ghl = GhlClient.create(
                GhlClientConfig.builder()
                        .baseUrl(server.url("/").toString())
                        .oauth("client-123", "super-secret", "https://app.example/oauth/callback")
                        .marketplaceUrl("https://marketplace.example")
                        .rateLimit("1000/1s")
                        .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
                        .attemptTimeout(Duration.ofSeconds(2))
                        .build(),
                store,
                clock);
    }

    @AfterEach
    void stop() {
        ghl.close();
        MockGhl.closeQuietly(server);
    }

    private void storeTokens(String access, Instant expiresAt) {
        store.tokens.save(new OAuthTokens(OWNER, access, "refresh-1", expiresAt, Set.of("contacts.readonly")));
    }

    private static MockResponse tokenAnswer(String access, String refresh) {
        return json(
                "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":86400,"
                        + "\"refresh_token\":\"" + refresh + "\",\"scope\":\"contacts.readonly contacts.write\","
                        + "\"userType\":\"Location\",\"locationId\":\"loc_abc123\",\"companyId\":\"comp_abc\",\"userId\":\"u1\"}");
    }

    private static MockResponse contact() {
        return json("{\"contact\":" + MockGhl.contactJson("cont_1") + "}");
    }

    @Test
    void theConsentUrlNamesTheAppTheCallbackAndTheDefaultScopes() {
        assertThat(ghl.installations().selfInstallable()).isTrue();
        URI url = ghl.installations().consentUrl("state-42");

        assertThat(url.getScheme() + "://" + url.getHost() + url.getPath())
                .isEqualTo("https://marketplace.example/v2/oauth/chooselocation");
        String query = URLDecoder.decode(url.getRawQuery(), StandardCharsets.UTF_8);
        assertThat(query)
                .contains(
                        "response_type=code",
                        "client_id=client-123",
                        "redirect_uri=https://app.example/oauth/callback",
                        "state=state-42",
                        "contacts.write",
                        "conversations/message.write",
                        "calendars/events.write",
                        "oauth.write");
        assertThat(query).doesNotContain("super-secret");
    }

    @Test
    void theCodeExchangeIsFormEncodedAndStoresTheTokens() throws Exception {
        server.enqueue(tokenAnswer("access-new", "refresh-new"));

        OAuthTokens tokens = ghl.installations().exchangeCode("code-xyz", TokenOwner.Type.LOCATION);

        RecordedRequest r = take(server);
        assertThat(r.getMethod() + " " + r.getPath()).isEqualTo("POST /oauth/token");
        assertThat(r.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(r.getHeader("Authorization")).isNull();
        assertThat(r.getBody().readUtf8())
                .isEqualTo("client_id=client-123&client_secret=super-secret"
                        + "&grant_type=authorization_code&code=code-xyz&user_type=Location"
                        + "&redirect_uri=https%3A%2F%2Fapp.example%2Foauth%2Fcallback");
        assertThat(tokens.owner()).isEqualTo(OWNER);
        assertThat(tokens.expiresAt()).isEqualTo(now.plusSeconds(86_400));
        assertThat(tokens.scopes()).containsExactlyInAnyOrder("contacts.readonly", "contacts.write");
        assertThat(store.tokens.find(OWNER)).contains(tokens);
        // Kept in the neutral store: a LOCATION credential whose secret is the access token.
        var stored = store.find(new CredentialOwner("LOCATION", "loc_abc123")).orElseThrow();
        assertThat(stored.secret()).isEqualTo("access-new");
        assertThat(stored.renewal()).contains("refresh-new");
        assertThat(stored.grants()).containsExactlyInAnyOrder("contacts.readonly", "contacts.write");
    }

    @Test
    void completingAnAgencyInstallationExchangesTheCodeAsCompanyAndKeepsTheAgencysTokens() throws Exception {
        server.enqueue(json("{\"access_token\":\"agency-access\",\"token_type\":\"Bearer\",\"expires_in\":86400,"
                + "\"refresh_token\":\"agency-refresh\",\"scope\":\"oauth.write\",\"userType\":\"Company\","
                + "\"companyId\":\"comp_abc\"}"));

        Installations.Installed installed = ghl.installations().complete("code-agency", Installations.Installer.AGENCY);

        assertThat(installed).isEqualTo(new Installations.Installed(Installations.Installer.AGENCY, "comp_abc"));
        assertThat(take(server).getBody().readUtf8()).contains("&code=code-agency&user_type=Company&");
        assertThat(store.find(new CredentialOwner("COMPANY", "comp_abc"))
                        .orElseThrow()
                        .secret())
                .isEqualTo("agency-access");
    }

    @Test
    void completingALocationInstallationKeepsTheLocationsTokens() throws Exception {
        server.enqueue(tokenAnswer("access-new", "refresh-new"));

        assertThat(ghl.installations().complete("code-xyz", Installations.Installer.LOCATION))
                .isEqualTo(new Installations.Installed(Installations.Installer.LOCATION, "loc_abc123"));
        assertThat(take(server).getBody().readUtf8()).contains("&user_type=Location&");
        assertThat(store.tokens.find(OWNER)).map(OAuthTokens::accessToken).contains("access-new");
    }

    @Test
    void aRefusedCodeIsAnAuthFailure() {
        server.enqueue(
                json(
                        400,
                        "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid grant: authorization code is invalid\"}"));

        ExternalFailure.AccessDenied e = catchThrowableOfType(
                ExternalFailure.AccessDenied.class,
                () -> ghl.installations().complete("used-code", Installations.Installer.AGENCY));

        assertThat(detail(e).status()).isEqualTo(400);
        assertThat(detail(e).route()).isEqualTo("POST /oauth/token");
        assertThat(e.getMessage()).doesNotContain("used-code").doesNotContain("super-secret");
    }

    @Test
    void aTokenEndpointThatFailsAfterTheRequestIsNotRepeatedAndTheSecretMayBeSpent() {
        storeTokens("old", now.minusSeconds(1));
        server.enqueue(json(502, "{}"));
        server.enqueue(tokenAnswer("never", "never"));

        ExternalFailure.Unavailable e = catchThrowableOfType(
                ExternalFailure.Unavailable.class, () -> ghl.pipelines().list(LOC));

        assertThat(detail(e).status()).isEqualTo(502);
        assertThat(e.getMessage()).contains("may be spent");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void agencyTokensMintLocationTokensForManyLocations() throws Exception {
        TokenOwner company = TokenOwner.company(new CompanyId("comp_abc"));
        store.tokens.save(new OAuthTokens(
                company, "agency-access", "agency-refresh", now.plusSeconds(86_400), Set.of("oauth.write")));
        server.enqueue(json("{\"access_token\":\"loc1-access\",\"token_type\":\"Bearer\",\"expires_in\":86399,"
                + "\"scope\":\"contacts.readonly\",\"locationId\":\"loc_1\",\"userId\":\"u1\"}"));
        server.enqueue(json(400, "{\"statusCode\":400,\"message\":\"Location not installed\"}"));

        LocationTokenBatch batch = ghl.installations()
                .locationTokens(new CompanyId("comp_abc"), List.of(new LocationId("loc_1"), new LocationId("loc_2")));

        RecordedRequest r = take(server);
        assertThat(r.getMethod() + " " + r.getPath()).isEqualTo("POST /oauth/locationToken");
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer agency-access");
        assertThat(r.getHeader("Version")).isEqualTo("2021-07-28");
        assertThat(r.getBody().readUtf8()).isEqualTo("companyId=comp_abc&locationId=loc_1");
        assertThat(batch.issued()).containsOnlyKeys(new LocationId("loc_1"));
        assertThat(batch.failed()).containsOnlyKeys(new LocationId("loc_2"));
        assertThat(batch.failed().get(new LocationId("loc_2"))).isInstanceOf(ExternalFailure.Rejected.class);
        assertThat(detail(batch.failed().get(new LocationId("loc_2"))).status()).isEqualTo(400);
        assertThat(store.tokens.find(TokenOwner.location(new LocationId("loc_1"))))
                .map(OAuthTokens::accessToken)
                .contains("loc1-access");
    }

    @Test
    void addingAnAgencysLocationMintsAndKeepsItsTokenAndRemovingItForgetsThem() throws Exception {
        store.tokens.save(new OAuthTokens(
                TokenOwner.company(new CompanyId("comp_abc")),
                "agency-access",
                "agency-refresh",
                now.plusSeconds(86_400),
                Set.of("oauth.write")));
        server.enqueue(json("{\"access_token\":\"loc1-access\",\"token_type\":\"Bearer\",\"expires_in\":86399,"
                + "\"scope\":\"contacts.readonly\",\"locationId\":\"loc_1\"}"));
        server.enqueue(contact());
        LocationId loc1 = new LocationId("loc_1");

        assertThat(ghl.installations().addLocation(Optional.of(new CompanyId("comp_abc")), loc1))
                .isEqualTo(Installations.LocationAccess.OBTAINED);
        assertThat(ghl.pipelines().list(loc1)).isEmpty();

        assertThat(take(server).getPath()).isEqualTo("/oauth/locationToken");
        assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer loc1-access");
        assertThat(ghl.installations().remove(loc1)).isTrue();
        assertThat(ghl.installations().remove(loc1)).isFalse();
        assertThat(store.find(new CredentialOwner("LOCATION", "loc_1"))).isEmpty();
        ExternalFailure.AccessDenied e = catchThrowableOfType(
                ExternalFailure.AccessDenied.class, () -> ghl.pipelines().list(loc1));
        assertThat(detail(e).reason()).isEqualTo(Reason.NO_CREDENTIAL);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void eachCallUsesTheTokenOfTheLocationItNames() throws Exception {
        LocationId other = new LocationId("loc_other");
        storeTokens("abc-access", now.plusSeconds(3600));
        store.tokens.save(
                new OAuthTokens(TokenOwner.location(other), "other-access", "r", now.plusSeconds(3600), Set.of()));
        server.enqueue(json("{\"workflows\":[]}"));
        server.enqueue(json("{\"workflows\":[]}"));

        ghl.workflows().list(other);
        ghl.workflows().list(LOC);

        assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer other-access");
        assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer abc-access");
    }

    @Test
    void aTokenAboutToExpireIsRefreshedBeforeUseAndTheNewPairStoredFirst() throws Exception {
        storeTokens("old-access", now.plusSeconds(30)); // within the 5-minute skew
        server.enqueue(tokenAnswer("new-access", "refresh-2"));
        server.enqueue(contact());

        assertThat(ghl.contacts().search(LOC, "john").findFirst()).isEmpty();

        RecordedRequest refresh = take(server);
        assertThat(refresh.getPath()).isEqualTo("/oauth/token");
        assertThat(refresh.getBody().readUtf8())
                .isEqualTo("client_id=client-123&client_secret=super-secret"
                        + "&grant_type=refresh_token&refresh_token=refresh-1&user_type=Location");
        assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer new-access");
        assertThat(store.tokens.find(OWNER).orElseThrow().refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void a401RefreshesOnceAndRetries() throws Exception {
        storeTokens("stale-access", now.plusSeconds(3600));
        server.enqueue(json(401, "{\"statusCode\":401,\"message\":\"Invalid JWT\"}"));
        server.enqueue(tokenAnswer("fresh-access", "refresh-2"));
        server.enqueue(contact());

        assertThat(ghl.workflows().list(LOC)).isEmpty();

        assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer stale-access");
        assertThat(take(server).getPath()).isEqualTo("/oauth/token");
        assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer fresh-access");
        assertThat(store.tokens.find(OWNER).orElseThrow().accessToken()).isEqualTo("fresh-access");
    }

    @Test
    void a401NamingAScopeIsNeverFixedByRefreshing() {
        storeTokens("access", now.plusSeconds(3600));
        server.enqueue(json(401, "{\"statusCode\":401,\"message\":\"The token is not authorized for this scope.\"}"));

        ExternalFailure.AccessDenied e = catchThrowableOfType(
                ExternalFailure.AccessDenied.class, () -> ghl.calendars().list(LOC));

        assertThat(detail(e).status()).isEqualTo(401);
        assertThat(detail(e).ghlMessage().orElseThrow()).contains("not authorized for this scope");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(store.leases).hasValue(0);
    }

    /** GHL answers 401 for routes its IAM does not know (highlevel-api-docs #74, #306): not a token problem. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "This route is not yet supported by the IAM Service. Please update your IAM config.",
                "IAM config not found for this route"
            })
    void a401ThatIsNotAboutTheTokenIsAccessDeniedWithoutSpendingTheRefreshToken(String message) {
        storeTokens("access", now.plusSeconds(3600));
        server.enqueue(json(401, "{\"statusCode\":401,\"message\":\"" + message + "\"}"));
        server.enqueue(tokenAnswer("fresh-access", "refresh-2"));

        ExternalFailure.AccessDenied e = catchThrowableOfType(
                ExternalFailure.AccessDenied.class, () -> ghl.calendars().list(LOC));

        assertThat(detail(e).status()).isEqualTo(401);
        assertThat(server.getRequestCount()).isEqualTo(1); // no POST /oauth/token
        assertThat(store.leases).hasValue(0);
        assertThat(store.tokens.find(OWNER).orElseThrow().accessToken()).isEqualTo("access");
    }

    @Test
    void a401RightAfterARefreshIsAnAuthFailureNotALoop() {
        storeTokens("stale-access", now.plusSeconds(3600));
        server.enqueue(json(401, "{\"statusCode\":401,\"message\":\"Invalid JWT\"}"));
        server.enqueue(tokenAnswer("fresh-access", "refresh-2"));
        server.enqueue(json(401, "{\"statusCode\":401,\"message\":\"Invalid JWT\"}"));
        server.enqueue(tokenAnswer("never", "never"));

        ExternalFailure.AccessDenied e = catchThrowableOfType(
                ExternalFailure.AccessDenied.class, () -> ghl.pipelines().list(LOC));

        assertThat(detail(e).status()).isEqualTo(401);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(e.getMessage()).doesNotContain("fresh-access").doesNotContain("stale-access");
    }

    @Test
    void aRefusedRefreshIsAnAuthFailure() {
        storeTokens("old", now.plusSeconds(10));
        server.enqueue(json(401, "{\"error\":\"invalid_grant\",\"message\":\"refresh token revoked\"}"));

        ExternalFailure.AccessDenied e = catchThrowableOfType(
                ExternalFailure.AccessDenied.class, () -> ghl.pipelines().list(LOC));

        assertThat(detail(e).status()).isEqualTo(401);
        assertThat(detail(e).route()).isEqualTo("POST /oauth/token");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a403IsAccessDeniedWithoutARefresh() {
        storeTokens("access", now.plusSeconds(3600));
        server.enqueue(
                json(403, "{\"statusCode\":403,\"message\":\"The token does not have access to this location.\"}"));

        ExternalFailure.AccessDenied e = catchThrowableOfType(
                ExternalFailure.AccessDenied.class, () -> ghl.workflows().list(LOC));

        assertThat(detail(e).status()).isEqualTo(403);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(store.leases).hasValue(0);
    }

    @Test
    void fiftyConcurrentCallersOnAnExpiredTokenCauseExactlyOneRefresh() throws Exception {
        storeTokens("expired-access", now.minusSeconds(1));
        AtomicInteger refreshes = new AtomicInteger();
        List<String> authorizations = java.util.Collections.synchronizedList(new ArrayList<>());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getPath().startsWith("/oauth/token")) {
                    refreshes.incrementAndGet();
                    Thread.sleep(200); // let every caller pile up behind the refresh
                    return tokenAnswer("fresh-access", "refresh-2");
                }
                authorizations.add(request.getHeader("Authorization"));
                return contact();
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return ghl.directory().findLocation(LOC);
                }));
            }
            go.countDown();
            for (Future<?> f : results) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(refreshes).hasValue(1);
        // In-process single-flight: the callers share one refresh instead of queueing 50 on the store's lease
        // (one more may take it in the instant between the refresh finishing and its future being removed; it
        // calls nobody).
        assertThat(store.leases.get()).isBetween(1, 2);
        assertThat(authorizations).hasSize(50).containsOnly("Bearer fresh-access");
        assertThat(store.tokens.find(OWNER).orElseThrow().refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void noStoredTokensIsAnAuthFailureWithoutAnyRequest() {
        ExternalFailure.AccessDenied e = catchThrowableOfType(
                ExternalFailure.AccessDenied.class, () -> ghl.pipelines().list(LOC));

        assertThat(detail(e).reason()).isEqualTo(Reason.NO_CREDENTIAL);
        assertThat(detail(e).status()).isZero();
        assertThat(e.getMessage()).contains("no OAuth tokens stored for LOCATION:loc_abc123");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aStaticTokenClientIsNotSelfInstallable() {
        try (GhlClient pit = MockGhl.client(server)) {
            Installations installations = pit.installations();

            assertThat(installations.selfInstallable()).isFalse();
            assertThat(installations.addLocation(Optional.of(new CompanyId("comp_abc")), LOC))
                    .isEqualTo(Installations.LocationAccess.NOT_SELF_INSTALLABLE);
            assertThat(installations.remove(LOC)).isFalse();
            assertThatThrownBy(() -> installations.consentUrl("s")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> installations.complete("code", Installations.Installer.LOCATION))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(server.getRequestCount()).isZero();
        }
    }
}
