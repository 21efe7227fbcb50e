package io.recruitflow.adapter.ghl;

import dev.failsafe.RateLimiter;
import io.recruitflow.adapter.ghl.GhlClientConfig.RateLimit;
import io.recruitflow.domain.shared.TokenOwner;
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
 * <p>Permits are spaced {@code (period + }{@value #LATENCY_ALLOWANCE_MS}{@code  ms) / permits} apart, not
 * {@code period / permits}: GHL counts a request when it <em>arrives</em>, in a window that opens with the
 * first request after the last one closed. Arrival lags the permit by a varying delay (thread wake-up,
 * connection, network), so at exactly {@code period / permits} the 101st request can overtake into a window
 * opened by a late one, and GHL answers 429. The allowance absorbs that jitter; it costs 0.2% of the rate
 * at GHL's 100/10 s, 2% at a scaled 100/1 s.
 */
final class FailsafePermitSource implements PermitSource {
    private static final Logger log = LoggerFactory.getLogger(FailsafePermitSource.class);

    /** The arrival jitter a window absorbs; see the class comment. */
    static final long LATENCY_ALLOWANCE_MS = 25;

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
        Limits l = limits.computeIfAbsent(owner, o -> new Limits(smooth(configured), configured,
                RateLimiter.burstyBuilder(dailyLimit, Duration.ofDays(1)).build()));
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
            log.debug("GHL declared {} for {}; lowering the client-side limit from {}", declared, owner, current.limit());
            return new Limits(smooth(declared), declared, current.daily());
        });
    }

    /** The burst limit now in force for the owner. */
    RateLimit limitOf(TokenOwner owner) {
        Limits l = limits.get(owner);
        return l == null ? configured : l.limit();
    }

    private static RateLimiter<Object> smooth(RateLimit limit) {
        return RateLimiter.smoothBuilder(limit.period().plusMillis(LATENCY_ALLOWANCE_MS).dividedBy(limit.permits()))
                .build();
    }
}
