package io.recruitflow.adapter.ghl.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.recruitflow.adapter.ghl.GhlClientConfig.RateLimit;
import io.recruitflow.adapter.ghl.TokenOwner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a shared permit costs when the budget is not the limit: one PostgreSQL transaction (row lock, read,
 * write, commit) per GHL call. Run with {@code -Pbench}.
 */
@Tag("bench")
class PermitCostBenchmarkTest {
    private static final int PERMITS = 2_000;

    @Test
    void permits_per_second_on_the_shared_bucket() throws Exception {
        String url = BucketDatabase.freshDatabase("permit_bench");
        try (HikariDataSource first = BucketDatabase.instance(url);
                HikariDataSource second = BucketDatabase.instance(url)) {
            RateLimit unlimited = RateLimit.parse("1000000/1s");
            PostgresPermitSource a = PostgresPermitSource.create(first, unlimited, 1_000_000_000L);
            PostgresPermitSource b = PostgresPermitSource.create(second, unlimited, 1_000_000_000L);
            TokenOwner owner = new TokenOwner(TokenOwner.Type.LOCATION, "loc_bench");
            run(List.of(a), owner, 200); // warm-up
            double[] single = new double[5];
            double[] contended = new double[5];
            for (int i = 0; i < 5; i++) {
                single[i] = run(List.of(a), owner, PERMITS);
                contended[i] = run(List.of(a, a, a, a, b, b, b, b), owner, PERMITS);
            }
            Arrays.sort(single);
            Arrays.sort(contended);
            System.out.printf(
                    "shared permits/s, median of 5: 1 thread %.0f (%.2f ms each); 8 threads on two instances,"
                            + " one owner: %.0f%n",
                    single[2], 1000 / single[2], contended[2]);
            assertThat(single[2]).isGreaterThan(100); // far above GHL's 10/s per location
        }
    }

    /** Permits per second for {@code permits} permits spread over one thread per source given. */
    private static double run(List<PostgresPermitSource> sources, TokenOwner owner, int permits) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sources.size());
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (PostgresPermitSource source : sources) {
                work.add(() -> {
                    for (int i = 0; i < permits / sources.size(); i++) {
                        if (!source.acquire(owner, Duration.ofSeconds(5))) {
                            throw new AssertionError("no permit");
                        }
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (var f : pool.invokeAll(work)) {
                f.get();
            }
            return permits * 1e9 / (System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }
}
