package io.recruitflow.application.port;

/** Where a stored webhook event stands. */
public enum InboxStatus {
    /** Stored, waiting to be applied (or to be retried). */
    PENDING,
    /** Applied. */
    PROCESSED,
    /** An event type we store and count but do not act on. */
    IGNORED,
    /** Failed too often; kept with its last error for an operator. */
    DEAD
}
