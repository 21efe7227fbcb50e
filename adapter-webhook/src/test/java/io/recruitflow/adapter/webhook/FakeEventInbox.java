package io.recruitflow.adapter.webhook;

import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.InboxEvent;
import io.recruitflow.application.port.InboxStats;
import io.recruitflow.application.port.InboxStatus;
import io.recruitflow.application.port.IncomingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread-safe in-memory {@link EventInbox} for tests: unique on webhook id, with switches to be "down"
 * (throws {@link InboxUnavailableException}), to refuse given events, to throw anything else, or to take
 * time per commit.
 */
class FakeEventInbox implements EventInbox {

    private final Map<String, InboxEvent> events = new LinkedHashMap<>();
    private final AtomicInteger storeAllCalls = new AtomicInteger();
    private final AtomicInteger storeAttempts = new AtomicInteger();
    private long duplicates;
    private volatile RuntimeException failure;
    private volatile Duration commitCost = Duration.ZERO;
    private final java.util.Set<String> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Every storeAll throws InboxUnavailableException until {@link #up()}. */
    void down() {
        failure = new InboxUnavailableException("database down (test)", null);
    }

    void failWith(RuntimeException e) {
        failure = e;
    }

    /**
     * Any storeAll holding this id throws {@link EventRefusedException} and stores nothing, as PostgreSQL does
     * when one row of a batch breaks a rule.
     */
    void refuse(String webhookId) {
        refused.add(webhookId);
    }

    void up() {
        failure = null;
    }

    /** Each commit takes this long (simulates a database round trip and fsync). */
    void commitCost(Duration cost) {
        commitCost = cost;
    }

    int storeAllCalls() {
        return storeAllCalls.get();
    }

    int storeAttempts() {
        return storeAttempts.get();
    }

    @Override
    public List<Stored> storeAll(List<IncomingEvent> batch) {
        storeAttempts.incrementAndGet();
        if (!commitCost.isZero()) {
            LockSupport.parkNanos(commitCost.toNanos());
        }
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
        if (batch.stream().anyMatch(e -> refused.contains(e.webhookId()))) {
            throw new EventRefusedException("an event of the batch cannot be stored (test)", null);
        }
        storeAllCalls.incrementAndGet();
        synchronized (this) {
            List<Stored> out = new ArrayList<>(batch.size());
            for (IncomingEvent e : batch) {
                if (events.containsKey(e.webhookId())) {
                    duplicates++;
                    out.add(Stored.DUPLICATE);
                } else {
                    events.put(
                            e.webhookId(),
                            new InboxEvent(e, InboxStatus.PENDING, 0, Optional.empty(), Optional.empty()));
                    out.add(Stored.STORED);
                }
            }
            return out;
        }
    }

    synchronized int size() {
        return events.size();
    }

    synchronized List<IncomingEvent> all() {
        return events.values().stream().map(InboxEvent::event).toList();
    }

    @Override
    public synchronized Optional<InboxEvent> find(String webhookId) {
        return Optional.ofNullable(events.get(webhookId));
    }

    @Override
    public synchronized List<InboxEvent> due(Instant now, int limit) {
        return events.values().stream()
                .filter(e -> e.status() == InboxStatus.PENDING)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void markProcessed(String webhookId) {
        set(webhookId, InboxStatus.PROCESSED, null);
    }

    @Override
    public synchronized void markIgnored(String webhookId, String reason) {
        set(webhookId, InboxStatus.IGNORED, reason);
    }

    @Override
    public synchronized void markFailed(String webhookId, String error, Instant retryAt) {
        InboxEvent e = events.get(webhookId);
        events.put(
                webhookId,
                new InboxEvent(
                        e.event(), InboxStatus.PENDING, e.attempts() + 1, Optional.of(error), Optional.of(retryAt)));
    }

    @Override
    public synchronized void markDead(String webhookId, String error) {
        set(webhookId, InboxStatus.DEAD, error);
    }

    private void set(String id, InboxStatus status, String error) {
        InboxEvent e = events.get(id);
        events.put(
                id, new InboxEvent(e.event(), status, e.attempts() + 1, Optional.ofNullable(error), Optional.empty()));
    }

    @Override
    public synchronized InboxStats stats() {
        long processed = count(InboxStatus.PROCESSED);
        return new InboxStats(
                events.size(), duplicates, processed, 0, count(InboxStatus.DEAD), count(InboxStatus.IGNORED));
    }

    private long count(InboxStatus s) {
        return events.values().stream().filter(e -> e.status() == s).count();
    }

    @Override
    public synchronized List<InboxEvent> list(InboxStatus status, int limit) {
        return events.values().stream()
                .filter(e -> e.status() == status)
                .sorted(Comparator.comparing((InboxEvent e) -> e.event().receivedAt())
                        .reversed())
                .limit(limit)
                .toList();
    }
}
