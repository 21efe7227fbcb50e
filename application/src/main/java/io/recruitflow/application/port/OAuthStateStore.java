package io.recruitflow.application.port;

import java.time.Instant;

/**
 * The {@code state} values of OAuth installs in progress (CSRF protection of the callback). Each state
 * is issued once, expires, and can be consumed only once. The in-memory implementation serves one
 * instance; several instances behind a load balancer need a shared, persistent one.
 */
public interface OAuthStateStore {

    /** Remembers a freshly issued state until {@code expiresAt}. */
    void put(String state, Instant expiresAt);

    /**
     * Forgets the state and answers whether it was known and not expired at {@code now}. A second call
     * with the same state answers false.
     */
    boolean consume(String state, Instant now);
}
