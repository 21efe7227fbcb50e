package io.recruitflow.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's running counters alone, read without a walk of its state: cheap enough to poll every few
 * milliseconds while a load runs, where {@link SandboxStats} counts contacts and messages one by one.
 *
 * @param requests GHL API calls answered (admin calls excluded), as {@link SandboxStats#requests()}
 * @param rateLimited API calls answered 429, as {@link SandboxStats#rateLimited()}
 * @param webhooksDelivered webhook deliveries answered 2xx, as {@link SandboxStats#webhooksDelivered()}
 * @param webhooksFailed webhook deliveries given up, as {@link SandboxStats#webhooksFailed()}
 * @param byLocation each seeded location's requests and 429s, by location id
 */
public record SandboxCounters(
        long requests,
        long rateLimited,
        long webhooksDelivered,
        long webhooksFailed,
        Map<String, LocationCounters> byLocation) {

    /**
     * One location's counters, as in {@link SandboxStats.LocationStats}.
     *
     * @param requests GHL API calls answered with one of the location's tokens
     * @param rateLimited those answered 429 by the location's rate limiter
     * @param firstRequest when the first of them arrived, by the sandbox's clock (empty before it)
     * @param lastRequest when the last of them arrived so far
     */
    public record LocationCounters(
            long requests, long rateLimited, Optional<Instant> firstRequest, Optional<Instant> lastRequest) {

        /**
         * The location's calls a second from its first to its last: the intervals between them over that time,
         * which is the rate a limiter held (n calls at rate r take (n - 1) / r). Zero for fewer than two calls.
         */
        public double callsPerSecond() {
            long millis = span().toMillis();
            return requests < 2 || millis <= 0 ? 0 : (requests - 1) * 1000.0 / millis;
        }

        /** From the first request to the last; zero before the first. */
        public Duration span() {
            return firstRequest.isEmpty() || lastRequest.isEmpty()
                    ? Duration.ZERO
                    : Duration.between(firstRequest.get(), lastRequest.get());
        }
    }

    /** The counters of one location. */
    public LocationCounters location(String locationId) {
        LocationCounters counters = byLocation.get(locationId);
        if (counters == null) {
            throw new IllegalArgumentException("no such location: " + locationId);
        }
        return counters;
    }
}
