package io.recruitflow.adapter.ghl;

import dev.failsafe.RateLimiter;
import io.recruitflow.adapter.ghl.GhlClientConfig.RateLimit;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link PermitSource}: two Failsafe rate limiters per token resource, one for the burst limit
 * and one for the daily quota.
 *
 * <p>The burst limiter is <em>smooth</em> (one permit every {@code period / permits}, e.g. every 100 ms for
 * 100/10 s), not bursty. A bursty limiter refills all its permits at each period boundary, so it can put
 * 100 requests at the end of one window and 100 at the start of the next: 200 within 10 s, which GHL
 * answers with 429s. Evenly spaced permits never exceed the limit in any window, aligned or sliding; the
 * price is that a batch of 100 calls takes 10 s instead of starting at once, while a single call after an
 * idle moment still goes immediately. The daily quota is bursty (a fixed window of one day) since there
 * is no harm in spending it unevenly.
 *
 * <p>Permits are spaced 4% wider than the limit (96 per 10 s for 100 per 10 s). The delay between our permit
 * and GHL's count of the request varies (scheduling, the network), and with no headroom two requests one
 * full window apart could land inside one window and draw a 429; 4% tolerates 400 ms of such jitter at
 * GHL's 10-second window (40 ms at a 1-second one) and still spends 96% of the budget.
 */
final class FailsafePermitSource implements PermitSource {
    private static final Logger log = LoggerFactory.getLogger(FailsafePermitSource.class);

    private record Limits(RateLimiter<Object> burst, RateLimit limit, RateLimiter<Object> daily) {}

    private final RateLimit configured;
    private final long dailyLimit;
    private final ConcurrentMap<TokenOwner, Limits> limits = new ConcurrentHashMap<>();

    FailsafePermitSource(RateLimit configured, long dailyLimit) {
        this.configured = configured;
        this.dailyLimit = dailyLimit;
    }

    @Override
    public boolean acquire(TokenOwner owner, Duration maxWait) throws InterruptedException {
        Limits l = limits.computeIfAbsent(
                owner,
                o -> new Limits(
                        smooth(configured),
                        configured,
                        RateLimiter.burstyBuilder(dailyLimit, Duration.ofDays(1))
                                .build()));
        return l.burst().tryAcquirePermit(maxWait) && l.daily().tryAcquirePermit();
    }

    @Override
    public void serverDeclared(TokenOwner owner, int max, Duration interval) {
        if (max <= 0 || interval.isZero() || interval.isNegative()) {
            return;
        }
        RateLimit declared = new RateLimit(max, interval);
        limits.computeIfPresent(owner, (o, current) -> {
            if (declared.perSecond() >= current.limit().perSecond()) {
                return current; // adapt down only: never above what we were configured with
            }
            log.debug(
                    "GHL declared {} for {}; lowering the client-side limit from {}", declared, owner, current.limit());
            return new Limits(smooth(declared), declared, current.daily());
        });
    }

    /** The burst limit now in force for the owner. */
    RateLimit limitOf(TokenOwner owner) {
        Limits l = limits.get(owner);
        return l == null ? configured : l.limit();
    }

    static final double HEADROOM = 0.96;

    private static RateLimiter<Object> smooth(RateLimit limit) {
        return RateLimiter.smoothBuilder(spacing(limit)).build();
    }

    /** The time between two permits under {@code limit}, the headroom included. */
    static Duration spacing(RateLimit limit) {
        long spacingNanos = (long) Math.ceil(limit.period().toNanos() / (limit.permits() * HEADROOM));
        return Duration.ofNanos(Math.max(1, spacingNanos));
    }
}
