package io.recruitflow.application.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A stored webhook event and its processing state. */
public record InboxEvent(
        IncomingEvent event,
        InboxStatus status,
        int attempts,
        Optional<String> lastError,
        Optional<Instant> nextAttemptAt) {
    public InboxEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(status, "status");
    }
}
