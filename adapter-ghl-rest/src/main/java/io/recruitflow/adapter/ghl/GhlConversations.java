package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.ConversationDtos.GetMessageResponseDto;
import io.recruitflow.adapter.ghl.ConversationDtos.GetMessagesByConversationResponseDto;
import io.recruitflow.adapter.ghl.ConversationDtos.SendMessageBodyDto;
import io.recruitflow.adapter.ghl.ConversationDtos.SendMessageResponseDto;
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
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * GHL's conversations API, the core's {@link Conversations}: sends with {@code POST /conversations/messages},
 * finds a contact's conversation with {@code GET /conversations/search}, and pages its messages with the
 * {@code lastMessageId}/{@code nextPage} cursor, newest first. Calls, activities and other non-SMS/email
 * entries of a conversation are skipped. Every call names the location whose token it uses. Failures are
 * {@link ExternalFailure}s with a {@link GhlHttpError} cause.
 */
public final class GhlConversations implements Conversations {
    static final int PAGE = 100;

    private final GhlCalls calls;
    private final ConversationsApi api;
    private final Clock clock;

    GhlConversations(GhlCalls calls, ConversationsApi api, Clock clock) {
        this.calls = calls;
        this.api = api;
        this.clock = clock;
    }

    /** The gate withheld the message before its request left; never leaves this class. */
    private static final class Withheld extends RuntimeException {
        final ComplianceDecision decision;

        Withheld(ComplianceDecision decision) {
            super("withheld", null, false, false);
            this.decision = decision;
        }
    }

    /**
     * Sends the message. Not idempotent (a repeat texts the recruit twice): a 5xx, a timeout or a broken
     * connection is {@link ExternalFailure.OutcomeUnknown}; read {@link #messagesWith} before sending again.
     */
    @Override
    public Dispatch send(OutgoingMessage message, SendGate gate) {
        try {
            return new Dispatch.Sent(send(message, Optional.of(gate)));
        } catch (Withheld w) {
            return new Dispatch.Withheld(w.decision);
        }
    }

    /** {@code POST /conversations/messages} with no gate (for embedders). */
    public SentMessage send(OutgoingMessage message) {
        return send(message, Optional.empty());
    }

    private SentMessage send(OutgoingMessage message, Optional<SendGate> gate) {
        boolean email = message.channel() == Channel.EMAIL;
        SendMessageBodyDto body = new SendMessageBodyDto(
                email ? "Email" : "SMS",
                null,
                message.contact().value(),
                message.body(),
                null,
                message.subject().orElse(null),
                message.emailFrom().orElse(null),
                null);
        GhlCall call = GhlCall.create("POST /conversations/messages", calls.as(message.location()));
        SendMessageResponseDto dto = calls.call(call, auth -> {
            // Built per attempt, after the attempt's rate-limit permit: the gate's last word comes right before
            // the request leaves, however long the permit took.
            gate.map(g -> g.decide(clock.now()))
                    .filter(d -> !(d instanceof ComplianceDecision.SendNow))
                    .ifPresent(d -> {
                        throw new Withheld(d);
                    });
            return api.sendMessage(auth, body);
        });
        String messageId = dto == null ? null : firstNonBlank(dto.messageId(), dto.emailMessageId());
        if (messageId == null) {
            throw GhlFailures.unusableAnswer(call, "the answer names no message", dto == null ? null : dto.traceId());
        }
        String conversationId = dto.conversationId();
        if (conversationId == null || conversationId.isBlank()) {
            conversationId = findConversation(message.location(), message.contact())
                    .map(ConversationId::value)
                    .orElseThrow(() -> GhlFailures.unusableAnswer(
                            call, "GHL accepted the message but names no conversation for it", dto.traceId()));
        }
        return new SentMessage(new MessageId(messageId), new ConversationId(conversationId));
    }

    /** The contact's messages, newest first, lazily over every page; empty when the contact has no conversation. */
    @Override
    public Stream<ConversationMessage> messagesWith(LocationId location, ContactId contact) {
        return findConversation(location, contact)
                .map(conversation -> messages(location, conversation))
                .orElseGet(Stream::empty);
    }

    /** {@code GET /conversations/search}: the contact's conversation, if GHL has one. */
    public Optional<ConversationId> findConversation(LocationId location, ContactId contact) {
        var dto = calls.call(
                GhlCall.idempotent("GET /conversations/search", calls.as(location)),
                auth -> api.searchConversations(auth, location.value(), contact.value(), 20));
        return dto == null || dto.conversations() == null
                ? Optional.empty()
                : dto.conversations().stream()
                        .filter(c -> c != null && c.id() != null && !c.id().isBlank())
                        .filter(c -> c.contactId() == null || c.contactId().equals(contact.value()))
                        .map(c -> new ConversationId(c.id()))
                        .findFirst();
    }

    /** {@code GET /conversations/{id}/messages}: the conversation's messages, newest first, lazily over every page. */
    public Stream<ConversationMessage> messages(LocationId location, ConversationId conversation) {
        GhlCall call = GhlCall.idempotent("GET /conversations/{id}/messages", calls.as(location));
        return Pager.<String, ConversationMessage>stream(cursor -> {
            GetMessagesByConversationResponseDto dto =
                    calls.call(call, auth -> api.getMessages(auth, conversation.value(), cursor.orElse(null), PAGE));
            List<GetMessageResponseDto> raw = dto == null || dto.messages() == null ? List.of() : dto.messages();
            List<ConversationMessage> items = raw.stream()
                    .filter(Objects::nonNull)
                    .map(m -> message(m, conversation))
                    .flatMap(Optional::stream)
                    .toList();
            boolean more = dto != null && Boolean.TRUE.equals(dto.nextPage()) && !raw.isEmpty();
            String next = dto == null
                    ? null
                    : firstNonBlank(
                            dto.lastMessageId(),
                            raw.isEmpty() ? null : raw.get(raw.size() - 1).id());
            // A page of only calls or activities is empty after filtering but is not the end.
            return new Pager.PageOf<>(items, more && next != null ? Optional.of(next) : Optional.empty());
        });
    }

    /** A message, or empty for entries that are neither SMS nor email (calls, activities, ...). */
    static Optional<ConversationMessage> message(GetMessageResponseDto m, ConversationId conversation) {
        if (m.id() == null || m.id().isBlank()) {
            return Optional.empty();
        }
        String type = m.messageType() == null ? "" : m.messageType().toUpperCase(Locale.ROOT);
        Channel channel;
        if (type.contains("EMAIL") || (type.isEmpty() && Integer.valueOf(3).equals(m.type()))) {
            channel = Channel.EMAIL;
        } else if (type.contains("SMS") || (type.isEmpty() && Integer.valueOf(2).equals(m.type()))) {
            channel = Channel.SMS;
        } else {
            return Optional.empty();
        }
        Direction direction = "inbound".equalsIgnoreCase(m.direction()) ? Direction.INBOUND : Direction.OUTBOUND;
        return Optional.of(new ConversationMessage(
                new MessageId(m.id()),
                m.conversationId() == null || m.conversationId().isBlank()
                        ? conversation
                        : new ConversationId(m.conversationId()),
                m.contactId() == null || m.contactId().isBlank() ? null : new ContactId(m.contactId()),
                channel,
                direction,
                m.body(),
                Optional.ofNullable(m.status()),
                Wire.instant(m.dateAdded()).orElse(Instant.EPOCH)));
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : (b != null && !b.isBlank() ? b : null);
    }
}
