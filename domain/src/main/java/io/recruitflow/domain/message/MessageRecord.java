package io.recruitflow.domain.message;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Our record of one outbound message: what, to whom, its send state, when it may go (for a deferred
 * text), how many times it was handed to the CRM ({@code attempts}) and, once sent, the CRM's ids.
 */
public record MessageRecord(
        MessageKey key,
        LocationId location,
        ContactId contact,
        Channel channel,
        String body,
        Optional<String> subject,
        SendState state,
        Optional<Instant> notBefore,
        Optional<MessageId> messageId,
        Optional<ConversationId> conversationId,
        Optional<String> detail,
        int attempts,
        Instant createdAt,
        Instant updatedAt) {
    public MessageRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        body = body == null ? "" : body;
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
    }

    public static MessageRecord planned(
            MessageKey key, OutgoingMessage message, Optional<Instant> notBefore, Instant at) {
        return new MessageRecord(
                key,
                message.location(),
                message.contact(),
                message.channel(),
                message.body(),
                message.subject(),
                SendState.PLANNED,
                notBefore,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                at,
                at);
    }

    public OutgoingMessage toOutgoing() {
        return new OutgoingMessage(location, contact, channel, body, subject, Optional.empty());
    }

    /** Handed to the CRM: one more attempt. */
    public MessageRecord sending(Instant at) {
        return new MessageRecord(
                key,
                location,
                contact,
                channel,
                body,
                subject,
                SendState.SENDING,
                notBefore,
                messageId,
                conversationId,
                Optional.empty(),
                attempts + 1,
                createdAt,
                at);
    }

    public MessageRecord sent(SentMessage sent, Instant at) {
        return with(
                SendState.SENT,
                notBefore,
                Optional.of(sent.messageId()),
                Optional.of(sent.conversationId()),
                Optional.empty(),
                at);
    }

    public MessageRecord unknown(String why, Instant at) {
        return with(SendState.UNKNOWN, notBefore, messageId, conversationId, Optional.of(why), at);
    }

    public MessageRecord failed(String why, Instant at) {
        return with(SendState.FAILED, notBefore, messageId, conversationId, Optional.of(why), at);
    }

    public MessageRecord refused(String why, Instant at) {
        return with(SendState.REFUSED, notBefore, messageId, conversationId, Optional.of(why), at);
    }

    /** Back to planned, e.g. deferred again or after reconciliation proved GHL never got it. */
    public MessageRecord replanned(Instant notBeforeAt, String why, Instant at) {
        return with(SendState.PLANNED, Optional.of(notBeforeAt), messageId, conversationId, Optional.of(why), at);
    }

    private MessageRecord with(
            SendState s,
            Optional<Instant> nb,
            Optional<MessageId> mid,
            Optional<ConversationId> cid,
            Optional<String> d,
            Instant at) {
        return new MessageRecord(
                key, location, contact, channel, body, subject, s, nb, mid, cid, d, attempts, createdAt, at);
    }
}
