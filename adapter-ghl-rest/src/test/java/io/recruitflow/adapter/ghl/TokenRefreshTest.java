package io.recruitflow.adapter.ghl;

import static io.recruitflow.adapter.ghl.MockGhl.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.recruitflow.adapter.inmemory.InMemorySuspendedLocations;
import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.StoredCredential;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.SuspendedLocations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A refresh that cannot lose a pair: the new pair serves from memory when it cannot be stored and is stored
 * later; a lease held elsewhere is waited for; a token refreshed early keeps serving when the refresh fails;
 * {@code invalid_grant} suspends the location ("reinstall required") once, and a reinstall lifts it. Time is a
 * simulated clock.
 */
class TokenRefreshTest {
    private static final LocationId LOC = new LocationId("loc_abc123");
    private static final TokenOwner OWNER = TokenOwner.location(LOC);
    private static final CredentialOwner CREDENTIAL_OWNER = new CredentialOwner("LOCATION", "loc_abc123");

    private final MockWebServer server = new MockWebServer();
    private final CountingCredentialStore store = new CountingCredentialStore();
    private final SuspendedLocations suspended = new InMemorySuspendedLocations();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T11:00:00Z"));
    private final Clock clock = now::get;
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile boolean refuseGrants;
    private GhlClient ghl;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getPath().startsWith("/oauth/token")) {
                    String body = request.getBody().readUtf8();
                    tokenRequests.add(body);
                    if (refuseGrants) {
                        return json(
                                400,
                                "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid grant: refresh token is invalid\"}");
                    }
                    int n = issued.incrementAndGet();
                    return json("{\"access_token\":\"access-" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":86400,"
                            + "\"refresh_token\":\"refresh-" + n + "\",\"scope\":\"contacts.readonly\","
                            + "\"userType\":\"Location\",\"locationId\":\"loc_abc123\"}");
                }
                authorizations.add(request.getHeader("Authorization"));
                return json("{\"location\":{\"id\":\"loc_abc123\",\"name\":\"Agency\"}}");
            }
        });
        server.start();
        GhlClientConfig config = GhlClientConfig.builder()
                .baseUrl(server.url("/").toString())
                .oauth("client-123", "super-secret", "https://app.example/oauth/callback")
                .rateLimit("1000/1s")
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
                .attemptTimeout(Duration.ofSeconds(1))
                .build();
        ghl = GhlClient.create(config, store, clock, GhlClient.defaultPermitSource(config), suspended);
    }

    @AfterEach
    void stop() {
        ghl.close();
        MockGhl.closeQuietly(server);
    }

    private void storeTokens(String access, String refresh, Instant expiresAt) {
        store.save(new StoredCredential(
                CREDENTIAL_OWNER, access, Optional.of(refresh), expiresAt, Set.of("contacts.readonly")));
    }

    private void call() {
        assertThat(ghl.directory().findLocation(LOC)).isPresent();
    }

    @Test
    void aTokenIsRefreshedTenMinutesBeforeItExpires() {
        storeTokens("access-0", "refresh-0", now.get().plus(Duration.ofMinutes(11)));
        call();
        assertThat(tokenRequests).isEmpty();

        now.updateAndGet(t -> t.plus(Duration.ofMinutes(2))); // 9 minutes left
        call();

        assertThat(tokenRequests).hasSize(1).allMatch(b -> b.contains("refresh_token=refresh-0"));
        assertThat(authorizations).containsExactly("Bearer access-0", "Bearer access-1");
        assertThat(store.find(CREDENTIAL_OWNER).orElseThrow().secret()).isEqualTo("access-1");
    }

    @Test
    void aPairThatCannotBeStoredServesFromMemoryAndIsStoredOnceTheStoreIsBack() throws Exception {
        storeTokens("access-0", "refresh-0", now.get().minusSeconds(1));
        store.failSaves.set(3); // the refresh's own store and two background retries fail

        call();
        call();

        assertThat(authorizations).containsExactly("Bearer access-1", "Bearer access-1");
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!store.find(CREDENTIAL_OWNER).orElseThrow().secret().equals("access-1") && System.nanoTime() < giveUp) {
            Thread.sleep(50);
        }
        assertThat(store.find(CREDENTIAL_OWNER).orElseThrow().secret()).isEqualTo("access-1");
        assertThat(store.find(CREDENTIAL_OWNER).orElseThrow().renewal()).contains("refresh-1");
        assertThat(tokenRequests)
                .as("the spent refresh token is never used again")
                .hasSize(1);
        assertThat(store.failedSaves).hasValue(3);
        // Stored, the lease is given back: another holder may take it.
        assertThat(store.lease(
                        CREDENTIAL_OWNER, "someone-else", now.get(), now.get().plusSeconds(60)))
                .isTrue();
    }

    @Test
    void aRefreshWaitsForTheInstanceThatHoldsTheLeaseAndUsesItsPair() throws Exception {
        storeTokens("access-0", "refresh-0", now.get().minusSeconds(1));
        assertThat(store.lease(
                        CREDENTIAL_OWNER, "other-instance", now.get(), now.get().plusSeconds(120)))
                .isTrue();
        Thread other = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            storeTokens("access-other", "refresh-other", now.get().plus(Duration.ofHours(24)));
            store.release(CREDENTIAL_OWNER, "other-instance");
        });
        other.start();

        call();
        other.join();

        assertThat(tokenRequests).as("the lease holder refreshed, not us").isEmpty();
        assertThat(authorizations).containsExactly("Bearer access-other");
    }

    @Test
    void aTokenRefreshedEarlyKeepsServingWhileTheLeaseHolderDoesNotAnswer() {
        storeTokens("access-0", "refresh-0", now.get().plus(Duration.ofMinutes(5)));
        assertThat(store.lease(
                        CREDENTIAL_OWNER, "stuck-instance", now.get(), now.get().plusSeconds(120)))
                .isTrue();

        call();

        assertThat(tokenRequests).isEmpty();
        assertThat(authorizations).containsExactly("Bearer access-0");
    }

    @Test
    void anExpiredTokenWhoseLeaseIsHeldElsewhereIsUnavailableNotSpent() {
        storeTokens("access-0", "refresh-0", now.get().minusSeconds(1));
        assertThat(store.lease(
                        CREDENTIAL_OWNER, "stuck-instance", now.get(), now.get().plusSeconds(120)))
                .isTrue();

        ExternalFailure.Unavailable e = catchThrowableOfType(
                ExternalFailure.Unavailable.class, () -> ghl.directory().findLocation(LOC));

        assertThat(GhlHttpError.of(e).orElseThrow().reason()).isEqualTo(GhlHttpError.Reason.RENEWAL_BUSY);
        assertThat(tokenRequests).isEmpty();
        assertThat(authorizations).isEmpty();
    }

    @Test
    void invalidGrantSuspendsTheLocationWithOneWarnLineAndStopsTokenCallsUntilAReinstall() {
        Logger logger = (Logger) LoggerFactory.getLogger(TokenManager.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            storeTokens("access-0", "refresh-spent", now.get().minusSeconds(1));
            refuseGrants = true;

            for (int i = 0; i < 3; i++) {
                ExternalFailure.AccessDenied e = catchThrowableOfType(
                        ExternalFailure.AccessDenied.class,
                        () -> ghl.directory().findLocation(LOC));
                assertThat(e.getMessage()).contains("invalid_grant").doesNotContain("refresh-spent");
            }

            assertThat(suspended.reason(LOC)).contains(SuspendedLocations.REINSTALL_REQUIRED);
            assertThat(tokenRequests)
                    .as("one refused refresh; then no more token calls")
                    .hasSize(1);
            assertThat(authorizations).isEmpty();
            List<String> warnings = appender.list.stream()
                    .filter(e -> e.getLevel() == Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0))
                    .startsWith("location suspended: reinstall required; location=loc_abc123")
                    .doesNotContain("refresh-spent")
                    .doesNotContain("access-0");

            // The app is installed again: the code exchange stores a new pair and lifts the suspension.
            refuseGrants = false;
            ghl.installations().exchangeCode("code-new", TokenOwner.Type.LOCATION);
            call();

            assertThat(suspended.reason(LOC)).isEmpty();
            assertThat(authorizations).containsExactly("Bearer access-1");
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void aReinstallThroughAnotherInstanceIsSeenWithoutARestart() {
        storeTokens("access-0", "refresh-spent", now.get().minusSeconds(1));
        refuseGrants = true;
        catchThrowableOfType(
                ExternalFailure.AccessDenied.class, () -> ghl.directory().findLocation(LOC));
        assertThat(tokenRequests).hasSize(1);

        // Another instance completed the install: a new pair in the shared store.
        storeTokens("access-reinstalled", "refresh-reinstalled", now.get().plus(Duration.ofHours(24)));
        call();

        assertThat(authorizations).containsExactly("Bearer access-reinstalled");
        assertThat(tokenRequests).hasSize(1);
    }
}
