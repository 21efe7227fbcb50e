package io.recruitflow.domain.message;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * GHL conversations: sending SMS and email, and reading what was sent. {@link #send} is not
 * idempotent and may fail with an unknown outcome: read the contact's conversation
 * ({@link #messages}) before sending again.
 */
public interface Conversations {

    SentMessage send(OutgoingMessage message);

    /** The contact's conversation, if GHL has one. */
    Optional<ConversationId> findConversation(LocationId location, ContactId contact);

    /** The conversation's messages, newest first, lazily over every page. */
    Stream<ConversationMessage> messages(ConversationId conversation);
}
