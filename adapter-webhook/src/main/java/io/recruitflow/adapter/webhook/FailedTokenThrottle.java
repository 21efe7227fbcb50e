package io.recruitflow.adapter.webhook;

import io.recruitflow.domain.shared.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Slows down guessing of the admin token: each client address may present a wrong token
 * {@value #FAILURES} times per {@link #WINDOW} (a bucket4j token bucket per address, refilled gradually);
 * past that every admin request from it that carries a token — the right one too, so that the answer
 * tells a guesser nothing — is a 429 with {@code Retry-After} until the bucket refills. A request without
 * credentials guesses nothing: it costs nothing and gets its usual 401 (a browser asks without them first).
 *
 * <p>The buckets are {@link AddressBuckets}: the TCP peer's address, at most {@value #MAX_ADDRESSES} of them.
 */
final class FailedTokenThrottle {
    static final int FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MAX_ADDRESSES = 10_000;

    private final AddressBuckets buckets;

    FailedTokenThrottle(Clock clock) {
        this.buckets = new AddressBuckets(clock, FAILURES, WINDOW, MAX_ADDRESSES);
    }

    /** How long {@code address} must wait before presenting a token again; empty when it may now. */
    Optional<Duration> blocked(String address) {
        return buckets.blocked(address);
    }

    /** Counts a wrong token presented from {@code address}. */
    void failed(String address) {
        buckets.take(address);
    }

    /** A whole number of seconds, at least one, for {@code Retry-After}. */
    static String retryAfterSeconds(Duration wait) {
        return AddressBuckets.retryAfterSeconds(wait);
    }
}
