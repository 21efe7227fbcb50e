package io.recruitflow.adapter.webhook;

import io.recruitflow.application.port.IncomingEvent;
import java.util.List;

/**
 * Told about webhook events right after they were committed to the inbox for the first time (never
 * about duplicates), typically to schedule their dispatch. Runs off the request path, after the
 * acknowledgement: a failure here loses nothing, because the events are stored and the dispatcher's
 * periodic sweep of {@code EventInbox.due} finds them anyway.
 */
@FunctionalInterface
public interface InboxListener {

    void stored(List<IncomingEvent> events);

    /** Does nothing: dispatch relies on the sweep alone. */
    static InboxListener none() {
        return events -> {};
    }
}
