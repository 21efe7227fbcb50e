package io.recruitflow.sandbox;

import java.util.concurrent.ConcurrentHashMap;

/**
 * GHL's limits per token resource (an app on a location or a company): a burst of N requests per
 * fixed window and a daily quota. A fixed window per resource is what GHL's own headers describe
 * ({@code X-RateLimit-Interval-Milliseconds}); each bucket is a tiny synchronized counter.
 */
final class RateLimiter {
    /** The outcome of one request and the values of the five {@code X-RateLimit-*} headers. */
    record Decision(
            boolean allowed,
            int max,
            long remaining,
            long intervalMillis,
            long dailyLimit,
            long dailyRemaining,
            long dailyResetMillis) {}

    private static final long DAY_MILLIS = 86_400_000L;

    private final int burstLimit;
    private final long windowMillis;
    private final long dailyLimit;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int burstLimit, long windowMillis, long dailyLimit) {
        this.burstLimit = burstLimit;
        this.windowMillis = windowMillis;
        this.dailyLimit = dailyLimit;
    }

    Decision acquire(String resource, long nowMillis) {
        return buckets.computeIfAbsent(resource, r -> new Bucket()).take(nowMillis);
    }

    /** The headers of a request that has no token resource (e.g. a 401): full quotas. */
    Decision unmetered() {
        return new Decision(true, burstLimit, burstLimit, windowMillis, dailyLimit, dailyLimit, 0);
    }

    void reset() {
        buckets.clear();
    }

    private final class Bucket {
        private boolean started;
        private long windowStart;
        private int usedInWindow;
        private long day = Long.MIN_VALUE;
        private long usedToday;

        synchronized Decision take(long now) {
            if (!started || now - windowStart >= windowMillis || now < windowStart) {
                started = true;
                windowStart = now;
                usedInWindow = 0;
            }
            long today = Math.floorDiv(now, DAY_MILLIS);
            if (today != day) {
                day = today;
                usedToday = 0;
            }
            boolean allowed = usedInWindow < burstLimit && usedToday < dailyLimit;
            if (allowed) {
                usedInWindow++;
                usedToday++;
            }
            return new Decision(
                    allowed,
                    burstLimit,
                    burstLimit - usedInWindow,
                    windowMillis,
                    dailyLimit,
                    dailyLimit - usedToday,
                    (today + 1) * DAY_MILLIS);
        }
    }
}
