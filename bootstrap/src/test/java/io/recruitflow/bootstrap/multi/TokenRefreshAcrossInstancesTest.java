package io.recruitflow.bootstrap.multi;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.ghl.GhlDirectory;
import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.Installations;
import io.recruitflow.application.port.StoredCredential;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.sandbox.GhlSandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Two instances with OAuth on one database refresh an expired access token once between them. GHL refresh
 * tokens are single-use: a second refresh with the same token would be refused (and fail that instance's
 * calls), and a second refresh after the first would be one GHL call too many. One simulated clock drives
 * both instances and the sandbox, so a token expires when the test says.
 */
class TokenRefreshAcrossInstancesTest {
    private static final String LOCATION = "loc_abc123";
    private static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final int THREADS = 4;
    private static final int CALLS_PER_THREAD = 3;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-03-06T15:00:00Z"));
    private final Clock clock = now::get;

    @Test
    void racing_instances_refresh_each_expired_token_exactly_once() throws Exception {
        String url = SharedPostgres.freshDatabase("token_refresh");
        String key = SharedPostgres.secretKey();
        try (GhlSandbox sandbox = OAuthInstances.sandbox(LIFETIME, now::get);
                RecruitflowRuntime a =
                        RecruitflowRuntime.open(OAuthInstances.config(sandbox, LOCATION, url, key), clock);
                RecruitflowRuntime b =
                        RecruitflowRuntime.open(OAuthInstances.config(sandbox, LOCATION, url, key), clock)) {
            a.injector()
                    .getInstance(Installations.class)
                    .complete(OAuthInstances.authorizationCode(sandbox, LOCATION), Installations.Installer.LOCATION);
            CredentialOwner owner = new CredentialOwner("LOCATION", LOCATION);
            CredentialStore store = b.injector().getInstance(CredentialStore.class);
            StoredCredential installed = store.find(owner).orElseThrow();
            int callsPerRound = 2 * THREADS * CALLS_PER_THREAD;

            // A valid token: every call is one GHL request, no refresh.
            assertThat(requestsOf(sandbox, () -> race(a, b))).isEqualTo(callsPerRound);

            String previous = installed.secret();
            for (int expiry = 1; expiry <= 2; expiry++) {
                now.updateAndGet(t -> t.plus(LIFETIME).plusSeconds(1));

                // Both instances find the token expired at once; one POST /oauth/token between them.
                assertThat(requestsOf(sandbox, () -> race(a, b)))
                        .as("GHL requests after expiry %d: every call plus one refresh", expiry)
                        .isEqualTo(callsPerRound + 1);
                StoredCredential stored = store.find(owner).orElseThrow();
                assertThat(stored.secret()).isNotEqualTo(previous);
                assertThat(stored.expiresAt()).isAfter(now.get());
                previous = stored.secret();
            }
        }
    }

    /** Both instances, {@link #THREADS} threads each, started together; every call must succeed. */
    private static void race(RecruitflowRuntime a, RecruitflowRuntime b) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2 * THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (RecruitflowRuntime runtime : List.of(a, b)) {
                GhlDirectory directory = runtime.ghl().directory();
                for (int t = 0; t < THREADS; t++) {
                    work.add(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        int found = 0;
                        for (int i = 0; i < CALLS_PER_THREAD; i++) {
                            found += directory
                                            .findLocation(new LocationId(LOCATION))
                                            .isPresent()
                                    ? 1
                                    : 0;
                        }
                        return found;
                    });
                }
            }
            int found = 0;
            for (Future<Integer> f : pool.invokeAll(work, 30, TimeUnit.SECONDS)) {
                found += f.get();
            }
            assertThat(found).isEqualTo(2 * THREADS * CALLS_PER_THREAD);
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Round {
        void run() throws Exception;
    }

    /** GHL API requests the sandbox answered during the round (its counter covers /oauth/token too). */
    private static long requestsOf(GhlSandbox sandbox, Round round) throws Exception {
        long before = sandbox.stats().requests();
        round.run();
        return sandbox.stats().requests() - before;
    }
}
