package io.recruitflow.bootstrap.multi;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.Installations;
import io.recruitflow.application.port.StoredCredential;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.SuspendedLocations;
import io.recruitflow.sandbox.GhlSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The acceptance of issue 14's "refresh that cannot lose a pair": the database sessions of the instance are
 * killed ({@code pg_terminate_backend}) while GHL's token endpoint (the sandbox, slowed down) is answering a
 * refresh, and the database refuses connections until storing the new pair has failed. GHL has issued a new pair
 * and spent the old refresh token; the pair must serve the call from memory, be stored once the database is back, and
 * be the one a later refresh spends — by this instance and by another one that starts afterwards. The sandbox
 * refuses a refresh token used twice ({@code invalid_grant}), which would suspend the location: it must not
 * happen. One simulated clock drives the instances and the sandbox.
 */
class RefreshSurvivesADeadDatabaseSessionTest {
    private static final String DATABASE = "refresh_dead_session";
    private static final String LOCATION = "loc_abc123";
    private static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final CredentialOwner OWNER = new CredentialOwner("LOCATION", LOCATION);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T11:00:00Z"));
    private final Clock clock = now::get;

    @Test
    void killing_the_database_session_during_a_refresh_loses_no_token_pair() throws Exception {
        // The test classpath quiets io.recruitflow to ERROR (adapter-webhook's test logging): hear this one.
        Logger tokenLog = (Logger) LoggerFactory.getLogger("io.recruitflow.adapter.ghl.TokenManager");
        Level level = tokenLog.getLevel();
        tokenLog.setLevel(Level.WARN);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        tokenLog.addAppender(warnings);
        String url = SharedPostgres.freshDatabase(DATABASE);
        String key = SharedPostgres.secretKey();
        try (GhlSandbox sandbox = OAuthInstances.sandbox(LIFETIME, now::get);
                RecruitflowRuntime a =
                        RecruitflowRuntime.open(OAuthInstances.config(sandbox, LOCATION, url, key), clock)) {
            a.injector()
                    .getInstance(Installations.class)
                    .complete(OAuthInstances.authorizationCode(sandbox, LOCATION), Installations.Installer.LOCATION);
            StoredCredential installed = storeOf(a).find(OWNER).orElseThrow();
            // The token endpoint takes 1.5 s to answer: the window in which the database sessions die.
            sandboxAdmin(
                    sandbox, "POST", "/_sandbox/faults", "{\"route\": \"POST /oauth/token\", \"latencyMs\": 1500}");
            now.updateAndGet(t -> t.plus(LIFETIME).plusSeconds(1));
            long requestsBefore = sandbox.stats().requests();

            CompletableFuture<Boolean> call = CompletableFuture.supplyAsync(() ->
                    a.ghl().directory().findLocation(new LocationId(LOCATION)).isPresent());
            Thread.sleep(500); // the refresh is at GHL now
            try (Connection su = SharedPostgres.superuser();
                    Statement s = su.createStatement()) {
                s.execute("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS false");
                int killed = terminateSessions(s);
                assertThat(killed).as("the instance's sessions were killed").isPositive();

                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!storeFailed(warnings) && System.nanoTime() < giveUp) {
                    Thread.sleep(100);
                }
                assertThat(storeFailed(warnings))
                        .as("storing the new pair failed while the database was away, and is retried")
                        .isTrue();
                s.execute("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
            }

            // The call goes on with the new pair from memory (its rate-limit permit is shared in the database, so
            // it waited for the database too).
            assertThat(call.get(30, TimeUnit.SECONDS)).isTrue();
            // Stored once the database is back (the background store retries with a bounded backoff).
            StoredCredential renewed = awaitRenewed(storeOf(a), installed);
            assertThat(renewed.renewal()).isPresent().isNotEqualTo(installed.renewal());
            assertThat(renewed.expiresAt()).isAfter(now.get());
            assertThat(sandbox.stats().requests() - requestsBefore)
                    .as("one token call and the call itself")
                    .isEqualTo(2);

            // The stored pair is the live one: another instance, started now, refreshes with it after expiry.
            sandboxAdmin(sandbox, "DELETE", "/_sandbox/faults", null);
            now.updateAndGet(t -> t.plus(LIFETIME).plusSeconds(1));
            try (RecruitflowRuntime b =
                    RecruitflowRuntime.open(OAuthInstances.config(sandbox, LOCATION, url, key), clock)) {
                assertThat(b.ghl().directory().findLocation(new LocationId(LOCATION)))
                        .isPresent();
                StoredCredential third = storeOf(b).find(OWNER).orElseThrow();
                assertThat(third.secret()).isNotEqualTo(renewed.secret());
                assertThat(b.injector().getInstance(SuspendedLocations.class).all())
                        .as("no refresh token was used twice: GHL refused none")
                        .isEmpty();
            }
            // And the first instance follows: it takes the pair the other one stored, without a token call.
            long beforeA = sandbox.stats().requests();
            assertThat(a.ghl().directory().findLocation(new LocationId(LOCATION)))
                    .isPresent();
            assertThat(sandbox.stats().requests() - beforeA).isEqualTo(1);
        } finally {
            tokenLog.detachAppender(warnings);
            tokenLog.setLevel(level);
            try (Connection su = SharedPostgres.superuser();
                    Statement s = su.createStatement()) {
                s.execute("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
            }
        }
    }

    private static boolean storeFailed(ListAppender<ILoggingEvent> warnings) {
        return warnings.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("the new OAuth tokens of LOCATION:" + LOCATION + " are not stored yet"));
    }

    private static CredentialStore storeOf(RecruitflowRuntime runtime) {
        return runtime.injector().getInstance(CredentialStore.class);
    }

    /** Terminates every session on the test's database; how many there were. */
    private static int terminateSessions(Statement s) throws Exception {
        try (ResultSet r = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE datname = '" + DATABASE + "' AND pid <> pg_backend_pid()")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static StoredCredential awaitRenewed(CredentialStore store, StoredCredential installed)
            throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < giveUp) {
            try {
                Optional<StoredCredential> stored = store.find(OWNER);
                if (stored.isPresent() && !stored.get().secret().equals(installed.secret())) {
                    return stored.get();
                }
            } catch (RuntimeException stillAway) {
                // the pool reconnects
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the renewed pair was never stored");
    }

    private static void sandboxAdmin(GhlSandbox sandbox, String method, String path, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                                .header("Content-Type", "application/json")
                                .method(
                                        method,
                                        body == null
                                                ? HttpRequest.BodyPublishers.noBody()
                                                : HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(200);
    }
}
