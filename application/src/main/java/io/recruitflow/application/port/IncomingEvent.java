package io.recruitflow.application.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified webhook event as received: GHL's unique {@code webhookId}, its type, the location and
 * contact it concerns (for ordering), its timestamp, and the raw body exactly as signed.
 */
public record IncomingEvent(
        String webhookId,
        String type,
        Optional<String> locationId,
        Optional<String> contactId,
        Instant timestamp,
        byte[] rawBody,
        Instant receivedAt) {
    public IncomingEvent {
        if (webhookId == null || webhookId.isBlank()) {
            throw new IllegalArgumentException("webhookId is missing");
        }
        type = type == null || type.isBlank() ? "Unknown" : type;
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(rawBody, "rawBody");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
