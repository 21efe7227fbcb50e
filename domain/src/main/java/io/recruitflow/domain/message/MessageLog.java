package io.recruitflow.domain.message;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Our durable log of outbound messages, one per {@link MessageKey}. State changes are compare-and-set
 * so that two workers never both send the same message.
 */
public interface MessageLog {

    /** Records a planned message unless the key is known; returns the stored record either way. */
    MessageRecord plan(MessageRecord record);

    Optional<MessageRecord> find(MessageKey key);

    /**
     * Replaces the record if its stored state is still {@code expected}; returns whether it did.
     */
    boolean transition(MessageKey key, SendState expected, MessageRecord next);

    /**
     * Like {@link #transition(MessageKey, SendState, MessageRecord)}, and when the record is replaced, appends
     * {@code decision} (the compliance decision that moved it) to the {@link ComplianceRecord} in the same
     * transaction: a message never moves without its decision on the record, and a decision that lost the race
     * is not recorded.
     */
    boolean transition(MessageKey key, SendState expected, MessageRecord next, ComplianceEntry decision);

    /**
     * Instants of the messages to the contact since {@code since} that may have reached them — sent, being sent,
     * or of unknown outcome — for the per-day caps: when in doubt a message counts. Texts the CRM sent on its own
     * and reported ({@link MessageRecord#reported()}) count too, except one that is a report of our own text (the
     * same CRM message id as one of ours): each text counts once.
     */
    List<Instant> possiblySentSince(ContactId contact, Channel channel, Instant since);

    /** Planned messages whose time has come, oldest first. */
    List<MessageRecord> due(Instant now, int limit);

    /** Messages per state, every state present; ours only, not the texts the CRM sent on its own. */
    Map<SendState, Long> countByState(Optional<LocationId> location);

    /** The message with this CRM message id: ours if there is one, else a reported one. */
    Optional<MessageRecord> findByMessageId(MessageId id);

    /** Every message to the contact, ours and reported ones, oldest first. */
    List<MessageRecord> ofContact(ContactId contact);

    /**
     * Our sent messages per last reported delivery status, every status present; a sent message without a
     * report yet counts as {@link DeliveryStatus#PENDING}.
     */
    Map<DeliveryStatus, Long> countByDelivery(Optional<LocationId> location);

    /** Our messages the CRM reported as not delivered (undelivered or failed), newest report first. */
    List<MessageRecord> notDelivered(Optional<LocationId> location, int limit);
}
