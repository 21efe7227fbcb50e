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
 * A bucket4j token bucket per client address: {@code capacity} tokens, refilled gradually over
 * {@code window}, on the server's {@link Clock}. The table is bounded: past {@code maxAddresses} addresses
 * the refilled ones are dropped, and should that not free room, every new address shares one bucket — under
 * a flood from many addresses the newcomers slow each other down, never the table's memory.
 *
 * <p>The address is the TCP peer's: behind a reverse proxy that is the proxy's, so the limit applies to
 * everyone behind it together — the safer side.
 */
final class AddressBuckets {
    private static final String OVERFLOW = "*";

    private final int capacity;
    private final Duration window;
    private final int maxAddresses;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    AddressBuckets(Clock clock, int capacity, Duration window, int maxAddresses) {
        this.capacity = capacity;
        this.window = window;
        this.maxAddresses = maxAddresses;
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

    /** How long {@code address} must wait for a token; empty when it has one. Takes nothing. */
    Optional<Duration> blocked(String address) {
        Bucket bucket = buckets.get(address);
        if (bucket == null && buckets.size() >= maxAddresses) {
            bucket = buckets.get(OVERFLOW);
        }
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        return Optional.of(waitFor(bucket));
    }

    /** Takes a token of {@code address}'s bucket, if it has one left. */
    void take(String address) {
        bucketOf(address).tryConsume(1);
    }

    /** Takes a token of {@code address}'s bucket: empty when it got one, else how long to wait for the next. */
    Optional<Duration> tryTake(String address) {
        Bucket bucket = bucketOf(address);
        return bucket.tryConsume(1) ? Optional.empty() : Optional.of(waitFor(bucket));
    }

    private Bucket bucketOf(String address) {
        return buckets.computeIfAbsent(admit(address), a -> newBucket());
    }

    private static Duration waitFor(Bucket bucket) {
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Duration.ofNanos(Math.max(nanos, 1));
    }

    private String admit(String address) {
        if (buckets.containsKey(address) || buckets.size() < maxAddresses) {
            return address;
        }
        // Full buckets belong to addresses that took nothing for a window: forget them.
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= capacity);
        return buckets.size() < maxAddresses ? address : OVERFLOW;
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(capacity, window)
                        .build())
                .withCustomTimePrecision(time)
                .build();
    }

    /** A whole number of seconds, at least one, for {@code Retry-After}. */
    static String retryAfterSeconds(Duration wait) {
        return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
    }
}
