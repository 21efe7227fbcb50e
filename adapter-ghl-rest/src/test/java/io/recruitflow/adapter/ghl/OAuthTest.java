package io.recruitflow.adapter.ghl;

import static io.recruitflow.adapter.ghl.MockGhl.json;
import static io.recruitflow.adapter.ghl.MockGhl.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.GhlAuthException;
import io.recruitflow.domain.shared.LocationId;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

/** OAuth: the authorization URL, form-encoded token calls, refresh ahead of expiry, on 401, and single-flight. */
class OAuthTest {
    private static final LocationId LOC = new LocationId("loc_abc123");
    private static final TokenOwner OWNER = TokenOwner.location(LOC);

    private final MockWebServer server = new MockWebServer();
    private final CountingTokenStore store = new CountingTokenStore();
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
        store.save(new OAuthTokens(OWNER, access, "refresh-1", expiresAt, Set.of("contacts.readonly")));
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
    void theAuthorizationUrlNamesTheAppTheCallbackAndTheDefaultScopes() {
        URI url = ghl.authorization().authorizationUrl("state-42");

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

        OAuthTokens tokens = ghl.authorization().exchangeCode("code-xyz", TokenOwner.Type.LOCATION);

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
        assertThat(store.find(OWNER)).contains(tokens);
    }

    @Test
    void aRefusedCodeIsAnAuthFailure() {
        server.enqueue(
                json(
                        400,
                        "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid grant: authorization code is invalid\"}"));

        assertThat(catchThrowableOfType(
                        GhlAuthException.class,
                        () -> ghl.authorization().exchangeCode("used-code", TokenOwner.Type.COMPANY)))
                .isNotNull();
    }

    @Test
    void agencyTokensMintLocationTokensForManyLocations() throws Exception {
        TokenOwner company = TokenOwner.company(new CompanyId("comp_abc"));
        store.save(new OAuthTokens(
                company, "agency-access", "agency-refresh", now.plusSeconds(86_400), Set.of("oauth.write")));
        server.enqueue(json("{\"access_token\":\"loc1-access\",\"token_type\":\"Bearer\",\"expires_in\":86399,"
                + "\"scope\":\"contacts.readonly\",\"locationId\":\"loc_1\",\"userId\":\"u1\"}"));
        server.enqueue(json(400, "{\"statusCode\":400,\"message\":\"Location not installed\"}"));

        LocationTokenBatch batch = ghl.locationTokens(
                new CompanyId("comp_abc"), List.of(new LocationId("loc_1"), new LocationId("loc_2")));

        RecordedRequest r = take(server);
        assertThat(r.getMethod() + " " + r.getPath()).isEqualTo("POST /oauth/locationToken");
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer agency-access");
        assertThat(r.getHeader("Version")).isEqualTo("2021-07-28");
        assertThat(r.getBody().readUtf8()).isEqualTo("companyId=comp_abc&locationId=loc_1");
        assertThat(batch.issued()).containsOnlyKeys(new LocationId("loc_1"));
        assertThat(batch.failed()).containsOnlyKeys(new LocationId("loc_2"));
        assertThat(store.find(TokenOwner.location(new LocationId("loc_1"))))
                .map(OAuthTokens::accessToken)
                .contains("loc1-access");
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
        assertThat(store.find(OWNER).orElseThrow().refreshToken()).isEqualTo("refresh-2");
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
        assertThat(store.find(OWNER).orElseThrow().accessToken()).isEqualTo("fresh-access");
    }

    @Test
    void a401NamingAScopeIsNeverFixedByRefreshing() {
        storeTokens("access", now.plusSeconds(3600));
        server.enqueue(json(401, "{\"statusCode\":401,\"message\":\"The token is not authorized for this scope.\"}"));

        GhlAuthException e = catchThrowableOfType(
                GhlAuthException.class, () -> ghl.calendars().list(LOC));

        assertThat(e.ghlMessage().orElseThrow()).contains("not authorized for this scope");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(store.refresherRuns).hasValue(0);
    }

    @Test
    void a401RightAfterARefreshIsAnAuthFailureNotALoop() {
        storeTokens("stale-access", now.plusSeconds(3600));
        server.enqueue(json(401, "{\"statusCode\":401,\"message\":\"Invalid JWT\"}"));
        server.enqueue(tokenAnswer("fresh-access", "refresh-2"));
        server.enqueue(json(401, "{\"statusCode\":401,\"message\":\"Invalid JWT\"}"));
        server.enqueue(tokenAnswer("never", "never"));

        GhlAuthException e = catchThrowableOfType(
                GhlAuthException.class, () -> ghl.pipelines().list(LOC));

        assertThat(e.status()).isEqualTo(401);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(e.getMessage()).doesNotContain("fresh-access").doesNotContain("stale-access");
    }

    @Test
    void aRefusedRefreshIsAnAuthFailure() {
        storeTokens("old", now.plusSeconds(10));
        server.enqueue(json(401, "{\"error\":\"invalid_grant\",\"message\":\"refresh token revoked\"}"));

        assertThat(catchThrowableOfType(
                        GhlAuthException.class, () -> ghl.pipelines().list(LOC)))
                .isNotNull();
        assertThat(server.getRequestCount()).isEqualTo(1);
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
                    return ghl.locations().find(LOC);
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
        // In-process single-flight: the callers share one refresher run instead of queueing 50 on the store's lock
        // (one more may run in the instant between the refresh finishing and its future being removed; it calls
        // nobody).
        assertThat(store.refresherRuns.get()).isBetween(1, 2);
        assertThat(authorizations).hasSize(50).containsOnly("Bearer fresh-access");
        assertThat(store.find(OWNER).orElseThrow().refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void noStoredTokensIsAnAuthFailureWithoutAnyRequest() {
        assertThat(catchThrowableOfType(
                        GhlAuthException.class, () -> ghl.pipelines().list(LOC)))
                .isNotNull();
        assertThat(server.getRequestCount()).isZero();
    }
}
