package io.recruitflow.application.port;

import java.time.Instant;

/**
 * The installations in progress ({@link Installations}), each known by the random {@code state} value the
 * person's browser carries to the CRM's consent page and back (for GHL: OAuth's {@code state}, the CSRF
 * protection of the callback). Each state is issued once, expires, and can be consumed only once, by
 * whichever instance the person comes back to: the store is shared wherever the database is (PostgreSQL), and
 * in memory only where there is one process.
 *
 * <p>The install route is public, so every implementation is bounded: it holds a fixed number of states at
 * most, making room by dropping expired ones and then the oldest issued, in O(1) or O(log n) per call.
 */
public interface PendingInstalls {

    /** Remembers a freshly issued state until {@code expiresAt}. */
    void put(String state, Instant expiresAt);

    /**
     * Forgets the state and answers whether it was known and not expired at {@code now}. A second call
     * with the same state answers false, on any instance and however the calls race.
     */
    boolean consume(String state, Instant now);
}
