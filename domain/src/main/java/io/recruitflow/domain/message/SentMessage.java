package io.recruitflow.domain.message;

import java.util.Objects;

/** GHL accepted the message. */
public record SentMessage(MessageId messageId, ConversationId conversationId) {
    public SentMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(conversationId, "conversationId");
    }
}
