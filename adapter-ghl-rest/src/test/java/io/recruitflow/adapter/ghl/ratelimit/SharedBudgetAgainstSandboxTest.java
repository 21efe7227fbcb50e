package io.recruitflow.adapter.ghl.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.recruitflow.adapter.ghl.GhlClient;
import io.recruitflow.adapter.ghl.GhlClientConfig;
import io.recruitflow.adapter.ghl.PermitSource;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import io.recruitflow.sandbox.SandboxStats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two GHL clients (two instances of one app) against a sandbox that enforces the limit they are both
 * configured with. With a limiter per instance they spend the budget twice and GHL answers 429 — the
 * control that shows the other test can fail; sharing the PostgreSQL bucket they never do.
 */
class SharedBudgetAgainstSandboxTest {
    private static final String LOCATION = "loc_abc123";
    private static final String LIMIT = "20/1s";
    private static final int CALLS_PER_INSTANCE = 30;

    private static GhlSandbox sandbox;
    private static HikariDataSource first;
    private static HikariDataSource second;

    @BeforeAll
    static void start() {
        sandbox = GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit(LIMIT));
        String url = BucketDatabase.freshDatabase("shared_budget");
        first = BucketDatabase.instance(url);
        second = BucketDatabase.instance(url);
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
        sandbox.close();
    }

    @BeforeEach
    void resetSandbox() {
        sandbox.reset(); // counters and rate-limit windows back to zero
    }

    @Test
    void a_limiter_per_instance_spends_the_budget_twice_and_is_answered_429() throws Exception {
        SandboxStats stats = runTwoInstances(db -> GhlClient.defaultPermitSource(config()));

        assertThat(stats.rateLimited()).as("429s with a limiter per instance").isPositive();
        System.out.printf(
                "a limiter per instance: %d GHL requests, %d answered 429%n", stats.requests(), stats.rateLimited());
    }

    @Test
    void the_shared_bucket_keeps_two_instances_within_the_limit() throws Exception {
        SandboxStats stats = runTwoInstances(db -> PostgresPermitSource.forClient(db, config()));

        assertThat(stats.requests()).isEqualTo(2L * CALLS_PER_INSTANCE);
        assertThat(stats.rateLimited()).as("429s with the shared bucket").isZero();
        System.out.printf(
                "the shared bucket: %d GHL requests, %d answered 429%n", stats.requests(), stats.rateLimited());
    }

    private static GhlClientConfig config() {
        return GhlClientConfig.builder()
                .baseUrl(sandbox.baseUrl())
                .privateIntegrationToken(
                        sandbox.credentials().location(LOCATION).privateIntegrationToken())
                .defaultLocation(LOCATION)
                .rateLimit(LIMIT)
                .build();
    }

    /** Each instance: its own client and permit source, three threads, {@link #CALLS_PER_INSTANCE} calls. */
    private static SandboxStats runTwoInstances(Function<DataSource, PermitSource> permits) throws Exception {
        List<GhlClient> clients = List.of(
                GhlClient.create(config(), null, Clock.system(), permits.apply(first)),
                GhlClient.create(config(), null, Clock.system(), permits.apply(second)));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (GhlClient client : clients) {
                for (int t = 0; t < 3; t++) {
                    work.add(() -> {
                        int found = 0;
                        for (int i = 0; i < CALLS_PER_INSTANCE / 3; i++) {
                            found += client.directory()
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
            for (Future<Integer> f : pool.invokeAll(work)) {
                found += f.get();
            }
            assertThat(found).as("every call answered, 429s retried").isEqualTo(2 * CALLS_PER_INSTANCE);
            return sandbox.stats();
        } finally {
            pool.shutdownNow();
            clients.forEach(GhlClient::close);
        }
    }
}
