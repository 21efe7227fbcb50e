package io.recruitflow.adapter.ghl.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.recruitflow.adapter.ghl.GhlClientConfig;
import io.recruitflow.adapter.ghl.GhlClientConfig.RateLimit;
import io.recruitflow.adapter.ghl.PermitSource;
import io.recruitflow.adapter.ghl.TokenOwner;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GHL rate budget shared by every Recruitflow instance on one PostgreSQL: a {@link PermitSource} on
 * bucket4j's PostgreSQL backend, one bucket per token owner (a location or a company: GHL limits per app
 * and resource) in the table {@code rate_limit_buckets} (Flyway {@code V4}). Two instances of one app
 * therefore spend one budget between them, where two in-process limiters would each spend the whole of it.
 *
 * <p><b>Which proxy manager.</b> bucket4j's select-for-update manager
 * ({@link Bucket4jPostgreSQL#selectForUpdateBasedBuilder}): each permit is one short transaction that
 * locks the owner's row ({@code SELECT ... FOR UPDATE}), computes the bucket in this JVM and writes it back.
 * The advisory-lock manager would serialise on {@code pg_advisory_xact_lock(bigint)} instead, which needs
 * our string keys hashed to 64 bits and shares the database's one advisory-lock key space with Flyway's
 * migration lock and {@code PostgresTokenStore}'s first-refresh lock: a hash collision would make a GHL
 * call wait for a token refresh. A row lock is scoped to our own table, the key stays readable
 * ({@code LOCATION:loc_abc123}), and the first use's {@code INSERT ... ON CONFLICT DO NOTHING} makes
 * creating the row race-free. A waiting caller holds no connection: bucket4j reserves the permit in the
 * transaction, commits, and only then sleeps until the permit's instant.
 *
 * <p><b>Shape of the bucket, and why not "capacity N".</b> GHL counts N requests per fixed window per
 * resource, and its window starts with the first request after the previous one ended (that is what the
 * {@code X-RateLimit-*} headers describe and the sandbox does); we cannot see where a window starts. A token
 * bucket of capacity C refilled with R per period T lets C + R through in some window of length T: a
 * classic "capacity N, refill N per T" bucket, greedy or intervally, puts N at the end of one GHL window
 * and N at the start of the next — 2N, answered with 429s — and {@code refillIntervallyAligned} would
 * need the server's window phase, which we do not know. So the burst bandwidth is <em>smooth</em>, like
 * the in-process default ({@code FailsafePermitSource}): capacity 1, refilled greedily, so permits are
 * evenly spaced and no window of length T, wherever it starts, holds more than the refill amount G.
 * G is less than N ({@link #granted}) because GHL counts in its own arrival times, not in our grant
 * times: a request that is late by up to L (thread scheduling and GC between permit and send, the
 * bucket's own transaction, the network, the clock skew of instances on different hosts — bucket4j
 * computes refills with each instance's wall clock) can put G·(T + L)/T requests in one of GHL's windows.
 * So G = N·T/(T + 500 ms), and at most N less 10%: 90/10 s for GHL's 100/10 s (which absorbs 1.1 s of
 * lateness), 13/1 s for a sandbox's 20/1 s. Lateness does not shrink with the window, so short windows
 * pay more; measured on a loaded 2-core machine running two instances and the sandbox in one JVM,
 * lateness of 150–250 ms happened, and 10% of a 1 s window was not enough. An idle owner's first call
 * still goes at once. The daily quota is a second bandwidth refilled intervally, all at once every 24 h,
 * as a fixed daily window.
 *
 * <p><b>Adapting to GHL.</b> {@link #serverDeclared} follows the limit GHL declares in its headers when it is
 * stricter than the configured one (never above the configured one): the stored bucket's configuration is
 * replaced ({@code replaceConfiguration}, keeping its tokens and any reserved debt, {@code AS_IS}), so every
 * instance slows down at once. An instance that starts brings the stored configuration to its own
 * configured limit (an operator's change of {@code RECRUITFLOW_GHL_RATE_LIMIT} takes effect); should GHL
 * have declared a stricter one, the first answer it gets declares it again and the bucket follows.
 *
 * <p><b>When the database fails</b>, {@link #acquire} logs and answers {@code false}: the call fails as
 * RATE_LIMITED without being sent, and the job that made it is retried later. Falling back to a local
 * limiter would spend the shared budget once per instance.
 *
 * <p><b>Who uses it.</b> {@code GhlRestModule.sharingRateBudget()} binds it over the injector's
 * {@link DataSource}; Recruitflow's runtime does so on an external database, which several instances may share.
 * An embedded database has one instance (its data directory is locked), which the in-process limiter serves
 * closer to GHL's limit. A permit costs about a millisecond on a local server, against GHL's 111 ms between
 * permits at 90/10 s, and the budget survives a restart, so an instance restarted mid-batch (or after
 * {@code kill -9}) does not begin with a fresh burst.
 *
 * <p>Thread-safe. One per process is enough; several on one database share the same buckets.
 */
public final class PostgresPermitSource implements PermitSource {
    private static final Logger log = LoggerFactory.getLogger(PostgresPermitSource.class);
    /** bucket4j's table (Flyway {@code V4__rate_limit_buckets.sql}). */
    static final String TABLE = "rate_limit_buckets";

    private static final String BURST = "burst";
    private static final String DAILY = "daily";
    private static final Duration DAY = Duration.ofDays(1);
    /** How late a request may reach GHL after its permit without overfilling one of GHL's windows. */
    private static final Duration TOLERATED_LATENESS = Duration.ofMillis(500);
    /** Bounds each bucket transaction (lock wait included): a stuck database fails the permit, not the thread. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final ProxyManager<String> buckets;
    private final RateLimit configured;
    private final long dailyLimit;
    /** The burst limit this instance enforces per owner: the configured one, or GHL's when stricter. */
    private final ConcurrentMap<TokenOwner, RateLimit> inForce = new ConcurrentHashMap<>();

    private final ConcurrentMap<TokenOwner, BucketProxy> proxies = new ConcurrentHashMap<>();

    private PostgresPermitSource(DataSource dataSource, RateLimit configured, long dailyLimit) {
        this.configured = Objects.requireNonNull(configured, "configured");
        if (dailyLimit <= 0) {
            throw new IllegalArgumentException("dailyLimit must be positive");
        }
        this.dailyLimit = dailyLimit;
        configuration(configured); // bucket4j refuses some limits (over 1 permit per ns): fail at start, not per call
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(Objects.requireNonNull(dataSource, "dataSource"))
                .primaryKeyMapper(io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .clientClock(TimeMeter.SYSTEM_MILLISECONDS)
                .requestTimeout(REQUEST_TIMEOUT)
                .build();
    }

    /** A permit source at the client's configured burst limit and daily quota, on Recruitflow's database. */
    public static PostgresPermitSource forClient(DataSource dataSource, GhlClientConfig config) {
        return new PostgresPermitSource(dataSource, config.rateLimit(), config.dailyLimit());
    }

    /** A permit source at this burst limit and daily quota per token owner. */
    public static PostgresPermitSource create(DataSource dataSource, RateLimit limit, long dailyLimit) {
        return new PostgresPermitSource(dataSource, limit, dailyLimit);
    }

    @Override
    public boolean acquire(TokenOwner owner, Duration maxWait) throws InterruptedException {
        try {
            // Reserves the permit in one transaction, then sleeps (no connection held) until its instant; a
            // permit further away than maxWait is not taken at all.
            return bucket(owner).asBlocking().tryConsume(1, maxWait);
        } catch (RuntimeException e) {
            log.warn(
                    "no GHL rate-limit permit for {}: the shared bucket in PostgreSQL failed: {}", owner, e.toString());
            return false;
        }
    }

    @Override
    public void serverDeclared(TokenOwner owner, int max, Duration interval) {
        if (max <= 0 || interval == null || interval.isZero() || interval.isNegative()) {
            return;
        }
        RateLimit declared = new RateLimit(max, interval);
        RateLimit next = stricter(configured, declared);
        RateLimit previous = inForce.put(owner, next);
        if (next.equals(previous == null ? configured : previous)) {
            return;
        }
        log.info("GHL declared {} for {}; the shared limit is now {}", declared, owner, next);
        try {
            bucket(owner).replaceConfiguration(configuration(next), TokensInheritanceStrategy.AS_IS);
        } catch (RuntimeException e) {
            inForce.put(owner, previous == null ? configured : previous); // try again on the next declaration
            log.warn("could not store the limit GHL declared for {}: {}", owner, e.toString());
        }
    }

    /**
     * The burst rate the shared bucket grants the owner now (the limit in force less the headroom), as
     * stored in PostgreSQL; empty before the owner's first permit.
     */
    public Optional<RateLimit> sharedRate(TokenOwner owner) {
        return buckets.getProxyConfiguration(key(owner)).flatMap(c -> {
            for (Bandwidth b : c.getBandwidths()) {
                if (BURST.equals(b.getId())) {
                    return Optional.of(
                            new RateLimit((int) b.getRefillTokens(), Duration.ofNanos(b.getRefillPeriodNanos())));
                }
            }
            return Optional.empty();
        });
    }

    /**
     * How many permits per window the bucket grants for {@code limit} (N per T): N·T/(T + 500 ms) and at
     * most N less 10% (see the class comment), at least 1.
     */
    public static RateLimit granted(RateLimit limit) {
        int n = limit.permits();
        double t = limit.period().toNanos();
        int byShare = n - Math.max(1, n / 10);
        int byLateness = (int) Math.floor(n * t / (t + TOLERATED_LATENESS.toNanos()));
        return new RateLimit(Math.max(1, Math.min(byShare, byLateness)), limit.period());
    }

    private BucketProxy bucket(TokenOwner owner) {
        BucketProxy proxy = proxies.get(owner);
        if (proxy != null) {
            return proxy;
        }
        String key = key(owner);
        BucketProxy created = buckets.builder().build(key, () -> configuration(limitOf(owner)));
        // First use in this process: the stored bucket may carry another instance's or an older configuration.
        BucketConfiguration wanted = configuration(limitOf(owner));
        buckets.getProxyConfiguration(key).ifPresent(stored -> {
            if (!stored.equalsByContent(wanted)) {
                log.info("the shared GHL rate limit of {} becomes {}", owner, limitOf(owner));
                created.replaceConfiguration(wanted, TokensInheritanceStrategy.AS_IS);
            }
        });
        BucketProxy raced = proxies.putIfAbsent(owner, created);
        return raced != null ? raced : created;
    }

    private RateLimit limitOf(TokenOwner owner) {
        return inForce.getOrDefault(owner, configured);
    }

    private BucketConfiguration configuration(RateLimit limit) {
        RateLimit granted = granted(limit);
        return BucketConfiguration.builder()
                .addLimit(b -> b.capacity(1)
                        .refillGreedy(granted.permits(), granted.period())
                        .id(BURST))
                .addLimit(b ->
                        b.capacity(dailyLimit).refillIntervally(dailyLimit, DAY).id(DAILY))
                .build();
    }

    private static RateLimit stricter(RateLimit a, RateLimit b) {
        return b.perSecond() < a.perSecond() ? b : a;
    }

    private static String key(TokenOwner owner) {
        return owner.type().name() + ":" + owner.id();
    }

    @Override
    public String toString() {
        return "PostgresPermitSource[" + configured + " granted as " + granted(configured) + ", daily " + dailyLimit
                + ", table " + TABLE + "]";
    }
}
