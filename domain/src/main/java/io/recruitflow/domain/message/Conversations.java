package io.recruitflow.domain.message;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.util.stream.Stream;

/**
 * Texts and emails through the CRM's conversations. Failures are {@link
 * io.recruitflow.domain.shared.ExternalFailure}s.
 */
public interface Conversations {

    /**
     * Sends the message, unless {@code gate} withholds it at the moment it would be handed over (after any
     * wait for a rate-limit permit). Not idempotent: after an {@link
     * io.recruitflow.domain.shared.ExternalFailure.OutcomeUnknown} read {@link #messagesWith} before sending
     * again.
     */
    Dispatch send(OutgoingMessage message, SendGate gate);

    /** The messages exchanged with the contact, newest first, lazily over every page; empty when none. */
    Stream<ConversationMessage> messagesWith(LocationId location, ContactId contact);
}
