package io.recruitflow.bootstrap.multi;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.persistence.Database;
import io.recruitflow.application.port.Installations;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.pipeline.Pipelines;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The agency is installed through instance A; then both instances on one PostgreSQL make their first GHL calls on
 * {@code loc_0002} at the same instant, 16 threads each. The location's token is minted once
 * ({@code POST /oauth/locationToken}, counted by the sandbox) under the location's credential lease; the other
 * instance — which never saw the install and learns the agency from the store — reuses the stored token.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AgencyLocationTokenAcrossInstancesTest {

    @Test
    void first_calls_on_an_agency_location_from_two_instances_mint_its_token_once() throws Exception {
        String url = SharedPostgres.freshDatabase("agency_mint");
        String key = SharedPostgres.secretKey();
        LocationId second = new LocationId("loc_0002");
        try (GhlSandbox sandbox = GhlSandbox.start(SandboxConfig.defaults()
                        .withPort(0)
                        .withRateLimit("1000/1s")
                        .withLocations(3));
                RecruitflowRuntime a =
                        RecruitflowRuntime.open(OAuthInstances.config(sandbox, "loc_0001", url, key), Clock.system());
                RecruitflowRuntime b =
                        RecruitflowRuntime.open(OAuthInstances.config(sandbox, "loc_0001", url, key), Clock.system())) {
            a.injector()
                    .getInstance(Installations.class)
                    .complete(OAuthInstances.authorizationCode(sandbox, "loc_0001"), Installations.Installer.AGENCY);
            assertThat(locationTokensStored(url)).isZero();

            Pipelines onA = a.injector().getInstance(Pipelines.class);
            Pipelines onB = b.injector().getInstance(Pipelines.class);
            ExecutorService pool = Executors.newFixedThreadPool(32);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    Pipelines pipelines = i % 2 == 0 ? onA : onB;
                    calls.add(pool.submit(() -> {
                        go.await();
                        return pipelines.list(second).size();
                    }));
                }
                go.countDown();
                for (Future<Integer> call : calls) {
                    assertThat(call.get(60, TimeUnit.SECONDS)).isPositive();
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(sandbox.stats().location("loc_0002").locationTokens())
                    .as("POST /oauth/locationToken for loc_0002, both instances together")
                    .isEqualTo(1);
            assertThat(locationTokensStored(url)).isEqualTo(1);
        }
    }

    private static long locationTokensStored(String url) {
        try (Database db = SharedPostgres.instance(url)) {
            return db.jdbi()
                    .withHandle(h -> h.createQuery("SELECT count(*) FROM oauth_tokens WHERE owner_type = 'LOCATION'")
                            .mapTo(Long.class)
                            .one());
        }
    }
}
