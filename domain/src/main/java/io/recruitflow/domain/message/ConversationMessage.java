package io.recruitflow.domain.message;

import io.recruitflow.domain.shared.ContactId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A message as it stands in a GHL conversation. */
public record ConversationMessage(
        MessageId id,
        ConversationId conversation,
        ContactId contact,
        Channel channel,
        Direction direction,
        String body,
        Optional<String> status,
        Instant dateAdded) {
    public ConversationMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(dateAdded, "dateAdded");
        body = body == null ? "" : body;
    }
}
