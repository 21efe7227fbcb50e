package io.recruitflow.application.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event on its way to one subscription: the outbox's row.
 *
 * @param seq the order of appending (an identity): a recruit's events reach a subscription in this order
 * @param lastResult the short status line of the last attempt ({@code HTTP 503}, {@code connection refused}); never
 *     a response body
 */
public record OutboxEntry(
        long seq,
        String subscription,
        RecruitEvent event,
        State state,
        int attempts,
        Instant nextAttemptAt,
        Optional<String> lastResult,
        Optional<Instant> settledAt,
        Instant createdAt) {

    public OutboxEntry {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastResult, "lastResult");
        Objects.requireNonNull(settledAt, "settledAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Where an entry stands. */
    public enum State {
        /** Not delivered yet; tried again at {@code nextAttemptAt}. */
        PENDING,
        /** The receiver answered 2xx. */
        DELIVERED,
        /** Given up after the last attempt (or the subscription is gone); {@code lastResult} says why. */
        DEAD
    }
}
