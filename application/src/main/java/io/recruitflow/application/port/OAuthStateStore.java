package io.recruitflow.application.port;

import java.time.Instant;

/**
 * The {@code state} values of OAuth installs in progress (CSRF protection of the callback). Each state is
 * issued once, expires, and can be consumed only once, by whichever instance the callback reaches: the
 * store is shared wherever the database is (PostgreSQL), and in memory only where there is one process.
 *
 * <p>The install route is public, so every implementation is bounded: it holds a fixed number of states at
 * most, making room by dropping expired ones and then the oldest issued, in O(1) or O(log n) per call.
 */
public interface OAuthStateStore {

    /** Remembers a freshly issued state until {@code expiresAt}. */
    void put(String state, Instant expiresAt);

    /**
     * Forgets the state and answers whether it was known and not expired at {@code now}. A second call
     * with the same state answers false, on any instance and however the calls race.
     */
    boolean consume(String state, Instant now);
}
