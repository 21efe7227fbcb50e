package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ComplianceEntry;
import io.recruitflow.domain.message.Delivery;
import io.recruitflow.domain.message.DeliveryStatus;
import io.recruitflow.domain.message.MessageId;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link MessageLog} in memory. Every method is atomic, so {@link #transition} is a true compare-and-set.
 * A text's send instant is the {@code updatedAt} of its {@code SENT} record.
 */
public final class InMemoryMessageLog implements MessageLog {
    private final Map<MessageKey, MessageRecord> byKey = new HashMap<>();
    private final InMemoryComplianceRecord decisions;

    /** With a compliance record of its own. */
    public InMemoryMessageLog() {
        this(new InMemoryComplianceRecord());
    }

    /** Appending the decisions that move messages to {@code decisions}. */
    public InMemoryMessageLog(InMemoryComplianceRecord decisions) {
        this.decisions = java.util.Objects.requireNonNull(decisions, "decisions");
    }

    @Override
    public synchronized MessageRecord plan(MessageRecord record) {
        return byKey.computeIfAbsent(record.key(), k -> record);
    }

    @Override
    public synchronized Optional<MessageRecord> find(MessageKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public synchronized boolean transition(MessageKey key, SendState expected, MessageRecord next) {
        if (!next.key().equals(key)) {
            throw new IllegalArgumentException("the next record has another key");
        }
        MessageRecord current = byKey.get(key);
        if (current == null || current.state() != expected) {
            return false;
        }
        byKey.put(key, next);
        return true;
    }

    @Override
    public synchronized boolean transition(
            MessageKey key, SendState expected, MessageRecord next, ComplianceEntry decision) {
        if (!decision.message().equals(key)) {
            throw new IllegalArgumentException("the decision is for another message");
        }
        if (!transition(key, expected, next)) {
            return false;
        }
        decisions.append(decision);
        return true;
    }

    /** The compliance record the decisions go to. */
    public InMemoryComplianceRecord decisions() {
        return decisions;
    }

    private static final Set<SendState> POSSIBLY_SENT =
            EnumSet.of(SendState.SENT, SendState.SENDING, SendState.UNKNOWN);

    @Override
    public synchronized List<Instant> possiblySentSince(ContactId contact, Channel channel, Instant since) {
        return byKey.values().stream()
                .filter(r -> POSSIBLY_SENT.contains(r.state())
                        && r.contact().equals(contact)
                        && r.channel() == channel
                        && !r.updatedAt().isBefore(since)
                        && !(r.reported() && r.messageId().flatMap(this::ours).isPresent()))
                .map(MessageRecord::updatedAt)
                .sorted()
                .toList();
    }

    @Override
    public synchronized List<MessageRecord> due(Instant now, int limit) {
        return byKey.values().stream()
                .filter(r -> r.state() == SendState.PLANNED
                        && r.notBefore().map(nb -> !nb.isAfter(now)).orElse(true))
                .sorted(Comparator.comparing(MessageRecord::createdAt)
                        .thenComparing(r -> r.key().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Map<SendState, Long> countByState(Optional<LocationId> location) {
        Map<SendState, Long> counts = new EnumMap<>(SendState.class);
        for (SendState s : SendState.values()) {
            counts.put(s, 0L);
        }
        byKey.values().stream()
                .filter(r -> !r.reported()
                        && location.map(l -> l.equals(r.location())).orElse(true))
                .forEach(r -> counts.merge(r.state(), 1L, Long::sum));
        return counts;
    }

    @Override
    public synchronized Optional<MessageRecord> findByMessageId(MessageId id) {
        return ours(id).or(() -> byKey.values().stream()
                .filter(r -> r.reported() && r.messageId().filter(id::equals).isPresent())
                .findFirst());
    }

    private Optional<MessageRecord> ours(MessageId id) {
        return byKey.values().stream()
                .filter(r -> !r.reported() && r.messageId().filter(id::equals).isPresent())
                .findFirst();
    }

    @Override
    public synchronized List<MessageRecord> ofContact(ContactId contact) {
        return byKey.values().stream()
                .filter(r -> r.contact().equals(contact))
                .sorted(Comparator.comparing(MessageRecord::createdAt)
                        .thenComparing(r -> r.key().value()))
                .toList();
    }

    @Override
    public synchronized Map<DeliveryStatus, Long> countByDelivery(Optional<LocationId> location) {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus s : DeliveryStatus.values()) {
            counts.put(s, 0L);
        }
        byKey.values().stream()
                .filter(r -> !r.reported()
                        && location.map(l -> l.equals(r.location())).orElse(true)
                        && (r.state() == SendState.SENT || r.delivery().isPresent()))
                .forEach(r ->
                        counts.merge(r.delivery().map(Delivery::status).orElse(DeliveryStatus.PENDING), 1L, Long::sum));
        return counts;
    }

    @Override
    public synchronized List<MessageRecord> notDelivered(Optional<LocationId> location, int limit) {
        return byKey.values().stream()
                .filter(r -> !r.reported()
                        && r.notDelivered()
                        && location.map(l -> l.equals(r.location())).orElse(true))
                .sorted(Comparator.comparing(
                                (MessageRecord r) -> r.delivery().orElseThrow().reportedAt())
                        .reversed()
                        .thenComparing(r -> r.key().value()))
                .limit(limit)
                .toList();
    }
}
