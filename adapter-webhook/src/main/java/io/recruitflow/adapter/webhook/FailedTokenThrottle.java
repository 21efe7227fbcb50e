package io.recruitflow.adapter.webhook;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.recruitflow.domain.shared.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing of the admin token: each client address may present a wrong token
 * {@value #FAILURES} times per {@link #WINDOW} (a bucket4j token bucket per address, refilled gradually);
 * past that every admin request from it that carries a token — the right one too, so that the answer
 * tells a guesser nothing — is a 429 with {@code Retry-After} until the bucket refills. A request without
 * credentials guesses nothing: it costs nothing and gets its usual 401 (a browser asks without them first).
 *
 * <p>The address is the TCP peer's: behind a reverse proxy that is the proxy's, so one guesser slows down
 * every admin behind it — the safer side. The table is bounded: past {@value #MAX_ADDRESSES} addresses the
 * refilled ones are dropped, and should that not free room, every new address shares one bucket.
 */
final class FailedTokenThrottle {
    static final int FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MAX_ADDRESSES = 10_000;
    private static final String OVERFLOW = "*";

    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    FailedTokenThrottle(Clock clock) {
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.now();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** How long {@code address} must wait before presenting a token again; empty when it may now. */
    Optional<Duration> blocked(String address) {
        Bucket bucket = buckets.get(address);
        if (bucket == null && buckets.size() >= MAX_ADDRESSES) {
            bucket = buckets.get(OVERFLOW);
        }
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Optional.of(Duration.ofNanos(Math.max(nanos, 1)));
    }

    /** Counts a wrong token presented from {@code address}. */
    void failed(String address) {
        buckets.computeIfAbsent(admit(address), a -> newBucket()).tryConsume(1);
    }

    private String admit(String address) {
        if (buckets.containsKey(address) || buckets.size() < MAX_ADDRESSES) {
            return address;
        }
        // Full buckets belong to addresses that have not failed for a window: forget them.
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= FAILURES);
        return buckets.size() < MAX_ADDRESSES ? address : OVERFLOW;
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(FAILURES)
                        .refillGreedy(FAILURES, WINDOW)
                        .build())
                .withCustomTimePrecision(time)
                .build();
    }

    /** A whole number of seconds, at least one, for {@code Retry-After}. */
    static String retryAfterSeconds(Duration wait) {
        return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
    }
}
