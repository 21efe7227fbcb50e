package io.recruitflow.application.applyghlevent;

import java.util.List;
import java.util.Optional;

/**
 * Turns a stored webhook body into a {@link GhlEvent}. Implemented where JSON lives (the webhook
 * adapter); the application never parses JSON itself.
 */
public interface GhlEventDecoder {

    /** The event, or empty for a type we do not act on. */
    Optional<GhlEvent> decode(String type, byte[] rawBody);

    /**
     * The events of the body: one for most, several when one webhook speaks of several records (an install on
     * several locations at once), each with an id of its own; none for a type we do not act on.
     */
    default List<GhlEvent> decodeAll(String type, byte[] rawBody) {
        return decode(type, rawBody).stream().toList();
    }

    /**
     * A body that is read and understood but deliberately not acted on — an event of another app, an install
     * that names no location — kept as ignored with the reason, which is the message.
     */
    final class IgnoredEventException extends RuntimeException {
        public IgnoredEventException(String reason) {
            super(reason);
        }
    }

    /** A body that claims a known type but cannot be read as it. */
    final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
