package io.recruitflow.adapter.inmemory;

import io.recruitflow.application.port.Outbox;
import io.recruitflow.application.port.OutboxEntry;
import io.recruitflow.application.port.RecruitEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** {@link Outbox} in memory, for tests, the demo and embedders. */
public final class InMemoryOutbox implements Outbox {
    private final TreeMap<Long, OutboxEntry> entries = new TreeMap<>();
    private final Set<String> keys = new HashSet<>();
    private long nextSeq = 1;

    @Override
    public synchronized int append(RecruitEvent event, Collection<String> subscriptions, Instant at) {
        int added = 0;
        for (String subscription : subscriptions) {
            if (keys.add(event.id() + "\n" + subscription)) {
                long seq = nextSeq++;
                entries.put(
                        seq,
                        new OutboxEntry(
                                seq,
                                subscription,
                                event,
                                OutboxEntry.State.PENDING,
                                0,
                                at,
                                Optional.empty(),
                                Optional.empty(),
                                at));
                added++;
            }
        }
        return added;
    }

    @Override
    public synchronized List<OutboxEntry> due(Instant now, int limit) {
        Set<String> lanes = new HashSet<>();
        List<OutboxEntry> heads = new ArrayList<>();
        for (OutboxEntry e : entries.values()) {
            if (e.state() == OutboxEntry.State.PENDING
                    && lanes.add(e.subscription() + "\n" + e.event().recruit())) {
                if (!e.nextAttemptAt().isAfter(now)) {
                    heads.add(e);
                }
            }
        }
        return heads.stream()
                .sorted(Comparator.comparing(OutboxEntry::nextAttemptAt).thenComparingLong(OutboxEntry::seq))
                .limit(limit)
                .toList();
    }

    @Override
    public boolean delivered(long seq, int attempts, String result, Instant at) {
        return change(
                seq, e -> copy(e, OutboxEntry.State.DELIVERED, attempts, at, Optional.of(result), Optional.of(at)));
    }

    @Override
    public boolean retryAt(long seq, int attempts, String result, Instant next) {
        return change(
                seq, e -> copy(e, OutboxEntry.State.PENDING, attempts, next, Optional.of(result), Optional.empty()));
    }

    @Override
    public boolean dead(long seq, int attempts, String reason, Instant at) {
        return change(seq, e -> copy(e, OutboxEntry.State.DEAD, attempts, at, Optional.of(reason), Optional.of(at)));
    }

    private synchronized boolean change(long seq, UnaryOperator<OutboxEntry> next) {
        OutboxEntry e = entries.get(seq);
        if (e == null || e.state() != OutboxEntry.State.PENDING) {
            return false;
        }
        entries.put(seq, next.apply(e));
        return true;
    }

    private static OutboxEntry copy(
            OutboxEntry e,
            OutboxEntry.State state,
            int attempts,
            Instant next,
            Optional<String> result,
            Optional<Instant> settledAt) {
        return new OutboxEntry(
                e.seq(), e.subscription(), e.event(), state, attempts, next, result, settledAt, e.createdAt());
    }

    @Override
    public synchronized Optional<OutboxEntry> find(long seq) {
        return Optional.ofNullable(entries.get(seq));
    }

    @Override
    public synchronized List<OutboxEntry> list(
            Optional<OutboxEntry.State> state, Optional<String> subscription, int limit) {
        return entries.descendingMap().values().stream()
                .filter(e -> state.map(s -> s == e.state()).orElse(true))
                .filter(e -> subscription.map(s -> s.equals(e.subscription())).orElse(true))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized int replay(
            Optional<String> eventId, long fromSeq, long toSeq, Optional<String> subscription, Instant now) {
        int n = 0;
        for (OutboxEntry e : List.copyOf(entries.values())) {
            boolean selected =
                    eventId.map(id -> id.equals(e.event().id())).orElse(e.seq() >= fromSeq && e.seq() <= toSeq)
                            && subscription.map(s -> s.equals(e.subscription())).orElse(true);
            if (selected) {
                entries.put(
                        e.seq(), copy(e, OutboxEntry.State.PENDING, 0, now, Optional.of("replayed"), Optional.empty()));
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized Map<OutboxEntry.State, Long> countByState() {
        Map<OutboxEntry.State, Long> counts = new EnumMap<>(OutboxEntry.State.class);
        for (OutboxEntry.State s : OutboxEntry.State.values()) {
            counts.put(s, 0L);
        }
        entries.values().forEach(e -> counts.merge(e.state(), 1L, Long::sum));
        return counts;
    }
}
