package io.recruitflow.adapter.inmemory;

import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.InboxEvent;
import io.recruitflow.application.port.InboxStats;
import io.recruitflow.application.port.InboxStatus;
import io.recruitflow.application.port.IncomingEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * {@link EventInbox} in memory. Not durable, so only for tests, the demo and embedders that accept losing
 * unprocessed events on a restart. Events are ordered by GHL's timestamp, then by arrival; an ignored
 * event keeps its reason as {@code lastError}.
 */
public final class InMemoryEventInbox implements EventInbox {

    private record Entry(long sequence, InboxEvent event) {
        Entry with(InboxEvent next) {
            return new Entry(sequence, next);
        }
    }

    private static final Comparator<Entry> OLDEST_FIRST =
            Comparator.comparing((Entry e) -> e.event().event().timestamp()).thenComparingLong(Entry::sequence);

    private final Map<String, Entry> byId = new HashMap<>();
    private long sequence;
    private long duplicates;
    private long processed;
    private long failed;
    private long dead;
    private long ignored;

    public InMemoryEventInbox() {}

    @Override
    public synchronized List<Stored> storeAll(List<IncomingEvent> events) {
        List<Stored> answers = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            if (byId.containsKey(event.webhookId())) {
                duplicates++;
                answers.add(Stored.DUPLICATE);
            } else {
                byId.put(
                        event.webhookId(),
                        new Entry(
                                sequence++,
                                new InboxEvent(event, InboxStatus.PENDING, 0, Optional.empty(), Optional.empty())));
                answers.add(Stored.STORED);
            }
        }
        return answers;
    }

    @Override
    public synchronized Optional<InboxEvent> find(String webhookId) {
        return Optional.ofNullable(byId.get(webhookId)).map(Entry::event);
    }

    @Override
    public synchronized List<InboxEvent> due(Instant now, int limit) {
        List<Entry> pending = byId.values().stream()
                .filter(e -> e.event().status() == InboxStatus.PENDING)
                .sorted(OLDEST_FIRST)
                .toList();
        Set<String> contactsSeen = new HashSet<>();
        List<InboxEvent> due = new ArrayList<>();
        for (Entry entry : pending) {
            InboxEvent e = entry.event();
            // Only a contact's oldest pending event may run; if it is not due yet, the contact waits.
            if (e.event().contactId().isPresent()
                    && !contactsSeen.add(e.event().contactId().get())) {
                continue;
            }
            if (e.nextAttemptAt().map(t -> !t.isAfter(now)).orElse(true)) {
                due.add(e);
                if (due.size() == limit) {
                    break;
                }
            }
        }
        return due;
    }

    private Entry entry(String webhookId) {
        Entry entry = byId.get(webhookId);
        if (entry == null) {
            throw new NoSuchElementException("no inbox event " + webhookId);
        }
        return entry;
    }

    private void finish(String webhookId, InboxStatus status, Optional<String> error) {
        Entry entry = entry(webhookId);
        InboxEvent e = entry.event();
        if (e.status() == status) {
            return;
        }
        byId.put(
                webhookId,
                entry.with(new InboxEvent(e.event(), status, e.attempts(), error.or(e::lastError), Optional.empty())));
        switch (status) {
            case PROCESSED -> processed++;
            case IGNORED -> ignored++;
            case DEAD -> dead++;
            case PENDING -> throw new IllegalArgumentException("not a final status");
        }
    }

    @Override
    public synchronized void markProcessed(String webhookId) {
        finish(webhookId, InboxStatus.PROCESSED, Optional.empty());
    }

    @Override
    public synchronized void markIgnored(String webhookId, String reason) {
        finish(webhookId, InboxStatus.IGNORED, Optional.ofNullable(reason));
    }

    @Override
    public synchronized void markFailed(String webhookId, String error, Instant retryAt) {
        Entry entry = entry(webhookId);
        InboxEvent e = entry.event();
        byId.put(
                webhookId,
                entry.with(new InboxEvent(
                        e.event(),
                        InboxStatus.PENDING,
                        e.attempts() + 1,
                        Optional.ofNullable(error),
                        Optional.of(retryAt))));
        failed++;
    }

    @Override
    public synchronized void markDead(String webhookId, String error) {
        finish(webhookId, InboxStatus.DEAD, Optional.ofNullable(error));
    }

    @Override
    public synchronized InboxStats stats() {
        return new InboxStats(byId.size(), duplicates, processed, failed, dead, ignored);
    }

    @Override
    public synchronized List<InboxEvent> list(InboxStatus status, int limit) {
        return byId.values().stream()
                .filter(e -> e.event().status() == status)
                .sorted(OLDEST_FIRST.reversed())
                .limit(limit)
                .map(Entry::event)
                .toList();
    }
}
