package io.recruitflow.domain.message;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Our record of one outbound message: what, to whom, its send state, when it may go (for a deferred
 * text), how many times it was handed to the CRM ({@code attempts}), once sent the CRM's ids, and what the
 * CRM last reported of its delivery ({@code delivery}, empty before the first report).
 *
 * <p>A record whose key starts with {@link #REPORTED_PREFIX} is not ours: a text the CRM sent on its own (a
 * workflow, a user) and reported to us, kept so that the per-day caps count it. Only its delivery changes.
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
        Instant updatedAt,
        Optional<Delivery> delivery) {
    /** The key prefix of a text the CRM sent on its own and reported: {@code crm/<message id>}. */
    public static final String REPORTED_PREFIX = "crm/";

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
        delivery = delivery == null ? Optional.empty() : delivery;
    }

    /** A record without a delivery report. */
    public MessageRecord(
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
        this(
                key,
                location,
                contact,
                channel,
                body,
                subject,
                state,
                notBefore,
                messageId,
                conversationId,
                detail,
                attempts,
                createdAt,
                updatedAt,
                Optional.empty());
    }

    /**
     * A text the CRM sent on its own (not through us) and reported at {@code sentAt}: {@code SENT}, under the
     * key {@code crm/<message id>}, so that the caps count it.
     */
    public static MessageRecord reportedByCrm(
            MessageId id,
            LocationId location,
            ContactId contact,
            Channel channel,
            String body,
            Optional<ConversationId> conversation,
            Instant sentAt,
            Optional<Delivery> delivery) {
        return new MessageRecord(
                new MessageKey(REPORTED_PREFIX + id.value()),
                location,
                contact,
                channel,
                body,
                Optional.empty(),
                SendState.SENT,
                Optional.empty(),
                Optional.of(id),
                conversation,
                Optional.of("sent by the CRM, not by Recruitflow"),
                0,
                sentAt,
                sentAt,
                delivery);
    }

    /** A text the CRM sent on its own and reported (see {@link #reportedByCrm}). */
    public boolean reported() {
        return key.value().startsWith(REPORTED_PREFIX);
    }

    /**
     * The same record with this delivery report. {@code updatedAt} stays: for a sent text it is the instant it
     * was sent, which the per-day caps count from.
     */
    public MessageRecord withDelivery(Delivery report) {
        return with(state, notBefore, messageId, conversationId, detail, attempts, updatedAt, Optional.of(report));
    }

    /** The CRM reported that this text did not reach the phone. */
    public boolean notDelivered() {
        return delivery.map(Delivery::notDelivered).orElse(false);
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
        return with(
                SendState.SENDING, notBefore, messageId, conversationId, Optional.empty(), attempts + 1, at, delivery);
    }

    /** Accepted by the CRM: a new message, so no delivery report yet (a failed earlier attempt's is dropped). */
    public MessageRecord sent(SentMessage sent, Instant at) {
        return with(
                SendState.SENT,
                notBefore,
                Optional.of(sent.messageId()),
                Optional.of(sent.conversationId()),
                Optional.empty(),
                attempts,
                at,
                Optional.empty());
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
        return with(s, nb, mid, cid, d, attempts, at, delivery);
    }

    private MessageRecord with(
            SendState s,
            Optional<Instant> nb,
            Optional<MessageId> mid,
            Optional<ConversationId> cid,
            Optional<String> d,
            int tries,
            Instant at,
            Optional<Delivery> report) {
        return new MessageRecord(
                key, location, contact, channel, body, subject, s, nb, mid, cid, d, tries, createdAt, at, report);
    }
}
