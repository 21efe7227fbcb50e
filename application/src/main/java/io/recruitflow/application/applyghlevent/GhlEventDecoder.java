package io.recruitflow.application.applyghlevent;

import java.util.Optional;

/**
 * Turns a stored webhook body into a {@link GhlEvent}. Implemented where JSON lives (the webhook
 * adapter); the application never parses JSON itself.
 */
public interface GhlEventDecoder {

    /** The event, or empty for a type we do not act on. */
    Optional<GhlEvent> decode(String type, byte[] rawBody);

    /** A body that claims a known type but cannot be read as it. */
    final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
