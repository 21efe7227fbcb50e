package io.recruitflow.adapter.inmemory;

import io.recruitflow.adapter.inmemory.GhlFaults.Operation;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ComplianceDecision;
import io.recruitflow.domain.message.ConversationId;
import io.recruitflow.domain.message.ConversationMessage;
import io.recruitflow.domain.message.Conversations;
import io.recruitflow.domain.message.Direction;
import io.recruitflow.domain.message.Dispatch;
import io.recruitflow.domain.message.MessageId;
import io.recruitflow.domain.message.OutgoingMessage;
import io.recruitflow.domain.message.SendGate;
import io.recruitflow.domain.message.SentMessage;
import io.recruitflow.domain.recruit.Contact;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * GHL conversations in memory: one conversation per contact, created by the first message. Like GHL, a
 * text needs the contact to have a phone and an email needs an email address (422 otherwise). Nothing
 * is delivered anywhere; {@link #sent()} shows what would have gone out.
 */
public final class InMemoryConversations implements Conversations {
    private final Clock clock;
    private final InMemoryContacts contacts;
    private final GhlFaults faults;
    private final Map<ContactId, ConversationId> conversationOf = new HashMap<>();
    private final List<ConversationMessage> messages = new ArrayList<>();
    private long sequence;

    public InMemoryConversations(Clock clock, InMemoryContacts contacts) {
        this(clock, contacts, new GhlFaults());
    }

    InMemoryConversations(Clock clock, InMemoryContacts contacts, GhlFaults faults) {
        this.clock = clock;
        this.contacts = contacts;
        this.faults = faults;
    }

    @Override
    public synchronized Dispatch send(OutgoingMessage message, SendGate gate) {
        ComplianceDecision last = gate.decide(clock.now());
        if (!(last instanceof ComplianceDecision.SendNow)) {
            return new Dispatch.Withheld(last);
        }
        return new Dispatch.Sent(send(message));
    }

    /** Sends with no gate (tests and the demo). */
    public synchronized SentMessage send(OutgoingMessage message) {
        RuntimeException pending = faults.before(Operation.MESSAGE_SEND);
        Contact contact = contacts.find(message.contact()).orElseThrow(() -> InMemoryContacts.notFound("Contact"));
        if (message.channel() == Channel.SMS && contact.phone().isEmpty()) {
            throw new ExternalFailure.Rejected("Contact has no phone number");
        }
        if (message.channel() == Channel.EMAIL && contact.email().isEmpty()) {
            throw new ExternalFailure.Rejected("Contact has no email address");
        }
        ConversationMessage stored = append(message.contact(), message.channel(), Direction.OUTBOUND, message.body());
        return GhlFaults.after(pending, new SentMessage(stored.id(), stored.conversation()));
    }

    /** A message from the recruit, as if they replied (the demo and tests use it). */
    public synchronized ConversationMessage receive(ContactId contact, Channel channel, String body) {
        contacts.find(contact).orElseThrow(() -> InMemoryContacts.notFound("Contact"));
        return append(contact, channel, Direction.INBOUND, body);
    }

    private ConversationMessage append(ContactId contact, Channel channel, Direction direction, String body) {
        long n = ++sequence;
        ConversationId conversation =
                conversationOf.computeIfAbsent(contact, c -> new ConversationId(String.format("conv_%06d", n)));
        ConversationMessage m = new ConversationMessage(
                new MessageId(String.format("msg_%06d", n)),
                conversation,
                contact,
                channel,
                direction,
                body,
                Optional.of(direction == Direction.OUTBOUND ? "delivered" : "received"),
                clock.now());
        messages.add(m);
        return m;
    }

    @Override
    public synchronized Stream<ConversationMessage> messagesWith(LocationId location, ContactId contact) {
        Optional<ConversationId> conversation = contacts.find(contact)
                .filter(c -> c.location().equals(location))
                .map(c -> conversationOf.get(contact));
        if (conversation.isEmpty()) {
            return Stream.empty();
        }
        List<ConversationMessage> newestFirst = new ArrayList<>(messages.stream()
                .filter(m -> m.conversation().equals(conversation.get()))
                .toList());
        newestFirst.sort(Comparator.comparing(ConversationMessage::dateAdded)
                .thenComparing(m -> m.id().value())
                .reversed());
        return newestFirst.stream();
    }

    /** Every outbound message, in send order. */
    public synchronized List<ConversationMessage> sent() {
        return messages.stream()
                .filter(m -> m.direction() == Direction.OUTBOUND)
                .toList();
    }

    /** Every message (both directions), in order. */
    public synchronized List<ConversationMessage> all() {
        return List.copyOf(messages);
    }
}
