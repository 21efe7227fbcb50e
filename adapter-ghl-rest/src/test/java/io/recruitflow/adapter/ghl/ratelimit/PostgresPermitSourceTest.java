package io.recruitflow.adapter.ghl.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.recruitflow.adapter.ghl.GhlClientConfig.RateLimit;
import io.recruitflow.adapter.ghl.TokenOwner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared permit source on a real PostgreSQL, as two instances see it: two connection pools
 * on one database, a {@link PostgresPermitSource} on each.
 */
class PostgresPermitSourceTest {
    private static final AtomicInteger OWNERS = new AtomicInteger();
    private static HikariDataSource first;
    private static HikariDataSource second;

    @BeforeAll
    static void databases() {
        String url = BucketDatabase.freshDatabase("permits");
        first = BucketDatabase.instance(url);
        second = BucketDatabase.instance(url);
    }

    @AfterAll
    static void close() {
        second.close();
        first.close();
    }

    /** A fresh owner per test: buckets live in the shared table. */
    private static TokenOwner owner() {
        return new TokenOwner(TokenOwner.Type.LOCATION, "loc_" + OWNERS.incrementAndGet());
    }

    @Test
    void two_instances_spend_one_budget_between_them() throws Exception {
        RateLimit limit = RateLimit.parse("20/500ms"); // granted: 10 per 500 ms, one every 50 ms
        PostgresPermitSource a = PostgresPermitSource.create(first, limit, 1_000_000);
        PostgresPermitSource b = PostgresPermitSource.create(second, limit, 1_000_000);
        TokenOwner owner = owner();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (PostgresPermitSource source : List.of(a, a, b, b)) {
                work.add(() -> {
                    int granted = 0;
                    for (int i = 0; i < 10; i++) {
                        granted += source.acquire(owner, Duration.ofSeconds(10)) ? 1 : 0;
                    }
                    return granted;
                });
            }
            long start = System.nanoTime();
            int granted = 0;
            for (Future<Integer> f : pool.invokeAll(work)) {
                granted += f.get();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(granted).isEqualTo(40);
            // One shared bucket: the first permit at once, 39 more at 10 per 500 ms take >= 1.95 s. Two
            // buckets (a limiter per instance) would grant the 40 in half that.
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
            assertThat(a.sharedRate(owner)).contains(new RateLimit(10, Duration.ofMillis(500)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_bucket_grants_the_limit_less_a_headroom_for_late_requests() {
        // GHL's real limit: 10% less, which absorbs 1.1 s of lateness.
        assertThat(PostgresPermitSource.granted(RateLimit.parse("100/10s"))).isEqualTo(RateLimit.parse("90/10s"));
        assertThat(PostgresPermitSource.granted(RateLimit.parse("200000/1d"))).isEqualTo(RateLimit.parse("180000/1d"));
        // Short windows: whatever absorbs 500 ms of lateness.
        assertThat(PostgresPermitSource.granted(RateLimit.parse("100/1s"))).isEqualTo(RateLimit.parse("66/1s"));
        assertThat(PostgresPermitSource.granted(RateLimit.parse("20/1s"))).isEqualTo(RateLimit.parse("13/1s"));
        assertThat(PostgresPermitSource.granted(RateLimit.parse("5/1s"))).isEqualTo(RateLimit.parse("3/1s"));
        assertThat(PostgresPermitSource.granted(RateLimit.parse("1/1s"))).isEqualTo(RateLimit.parse("1/1s"));
    }

    @Test
    void a_limit_bucket4j_cannot_hold_is_refused_at_start_not_on_every_call() {
        assertThatThrownBy(() -> PostgresPermitSource.create(first, RateLimit.parse("10/1s"), 1_000_000_000_000_000L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_permit_further_away_than_the_wait_is_refused_at_once_and_not_taken() throws Exception {
        PostgresPermitSource a = PostgresPermitSource.create(first, RateLimit.parse("2/2s"), 1_000_000);
        PostgresPermitSource b = PostgresPermitSource.create(second, RateLimit.parse("2/2s"), 1_000_000);
        TokenOwner owner = owner();

        assertThat(a.acquire(owner, Duration.ofMillis(50))).isTrue(); // an idle owner's first call goes at once
        long start = System.nanoTime();
        assertThat(b.acquire(owner, Duration.ofMillis(50))).isFalse(); // the next permit is 2 s away
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        // The refusal took nothing: the next permit is still the one 2 s after the first.
        start = System.nanoTime();
        assertThat(b.acquire(owner, Duration.ofSeconds(5))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isBetween(Duration.ofMillis(1_500), Duration.ofMillis(3_000));
    }

    @Test
    void each_owner_has_its_own_bucket() throws Exception {
        PostgresPermitSource a = PostgresPermitSource.create(first, RateLimit.parse("1/10s"), 1_000_000);
        TokenOwner one = owner();
        TokenOwner other = owner();

        assertThat(a.acquire(one, Duration.ofMillis(10))).isTrue();
        assertThat(a.acquire(other, Duration.ofMillis(10))).isTrue();
        assertThat(a.acquire(new TokenOwner(TokenOwner.Type.COMPANY, one.id()), Duration.ofMillis(10)))
                .isTrue();
        assertThat(a.acquire(one, Duration.ofMillis(10))).isFalse();
    }

    @Test
    void a_stricter_limit_declared_by_ghl_slows_every_instance_and_a_looser_one_never_raises_it_above_the_configured()
            throws Exception {
        PostgresPermitSource a = PostgresPermitSource.create(first, RateLimit.parse("20/1s"), 1_000_000);
        PostgresPermitSource b = PostgresPermitSource.create(second, RateLimit.parse("20/1s"), 1_000_000);
        TokenOwner owner = owner();
        assertThat(a.acquire(owner, Duration.ofSeconds(1))).isTrue();
        assertThat(b.sharedRate(owner)).contains(RateLimit.parse("13/1s"));

        a.serverDeclared(owner, 10, Duration.ofSeconds(1));
        assertThat(b.sharedRate(owner)).contains(RateLimit.parse("6/1s"));

        a.serverDeclared(owner, 500, Duration.ofSeconds(1)); // GHL relents: back to the configured limit, no higher
        assertThat(b.sharedRate(owner)).contains(RateLimit.parse("13/1s"));

        b.serverDeclared(owner, 500, Duration.ofSeconds(10)); // 50/s: looser than the 20/s configured, ignored
        assertThat(a.sharedRate(owner)).contains(RateLimit.parse("13/1s"));
    }

    @Test
    void an_instance_that_starts_brings_the_stored_limit_to_its_configuration() throws Exception {
        TokenOwner owner = owner();
        PostgresPermitSource before = PostgresPermitSource.create(first, RateLimit.parse("20/1s"), 1_000_000);
        assertThat(before.acquire(owner, Duration.ofSeconds(1))).isTrue();

        PostgresPermitSource after = PostgresPermitSource.create(second, RateLimit.parse("10/1s"), 1_000_000);
        assertThat(after.acquire(owner, Duration.ofSeconds(1))).isTrue();

        assertThat(before.sharedRate(owner)).contains(RateLimit.parse("6/1s"));
    }

    @Test
    void the_daily_quota_is_shared_too() throws Exception {
        PostgresPermitSource a = PostgresPermitSource.create(first, RateLimit.parse("1000/1s"), 3);
        PostgresPermitSource b = PostgresPermitSource.create(second, RateLimit.parse("1000/1s"), 3);
        TokenOwner owner = owner();

        assertThat(a.acquire(owner, Duration.ofSeconds(1))).isTrue();
        assertThat(b.acquire(owner, Duration.ofSeconds(1))).isTrue();
        assertThat(a.acquire(owner, Duration.ofSeconds(1))).isTrue();
        long start = System.nanoTime();
        assertThat(b.acquire(owner, Duration.ofSeconds(30))).isFalse(); // a day away: refused, not awaited
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void when_the_database_fails_the_permit_is_refused_not_thrown() throws Exception {
        HikariDataSource gone = BucketDatabase.instance(first.getJdbcUrl());
        PostgresPermitSource source = PostgresPermitSource.create(gone, RateLimit.parse("10/1s"), 1_000_000);
        TokenOwner owner = owner();
        assertThat(source.acquire(owner, Duration.ofSeconds(1))).isTrue();
        gone.close();

        assertThat(source.acquire(owner, Duration.ofSeconds(1))).isFalse();
        source.serverDeclared(owner, 1, Duration.ofSeconds(1)); // logged, not thrown
    }
}
