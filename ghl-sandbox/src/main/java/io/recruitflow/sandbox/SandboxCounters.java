package io.recruitflow.sandbox;

import java.util.Map;

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
     */
    public record LocationCounters(long requests, long rateLimited) {}

    /** The counters of one location. */
    public LocationCounters location(String locationId) {
        LocationCounters counters = byLocation.get(locationId);
        if (counters == null) {
            throw new IllegalArgumentException("no such location: " + locationId);
        }
        return counters;
    }
}
