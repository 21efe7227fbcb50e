package io.recruitflow.adapter.inmemory;

import io.recruitflow.application.port.PendingInstalls;
import io.recruitflow.domain.shared.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@link PendingInstalls} in memory, for a single process. The states are kept in the order they were
 * issued, which is the order they expire in (one lifetime for all): issuing one drops the expired states at
 * the head and, when the store is full, the oldest one, so every call is O(1) (amortised) under one short
 * lock — a flood of installs costs the flood, never a scan of the table.
 */
public final class InMemoryPendingInstalls implements PendingInstalls {
    /** The default bound: far more installs than can be in progress at once. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final Clock clock;
    private final int capacity;
    private final LinkedHashMap<String, Instant> states = new LinkedHashMap<>();

    public InMemoryPendingInstalls(Clock clock) {
        this(clock, DEFAULT_CAPACITY);
    }

    public InMemoryPendingInstalls(Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capacity = capacity;
    }

    @Override
    public synchronized void put(String state, Instant expiresAt) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Instant now = clock.now();
        Iterator<Map.Entry<String, Instant>> oldest = states.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Instant> head = oldest.next();
            if (states.size() < capacity && now.isBefore(head.getValue())) {
                break;
            }
            oldest.remove();
        }
        states.put(state, expiresAt);
    }

    @Override
    public synchronized boolean consume(String state, Instant now) {
        if (state == null) {
            return false;
        }
        Instant expiresAt = states.remove(state);
        return expiresAt != null && now.isBefore(expiresAt);
    }

    /** How many states are held (for tests). */
    synchronized int size() {
        return states.size();
    }
}
