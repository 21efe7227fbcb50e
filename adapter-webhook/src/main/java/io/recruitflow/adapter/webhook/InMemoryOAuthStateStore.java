package io.recruitflow.adapter.webhook;

import io.recruitflow.application.port.OAuthStateStore;
import io.recruitflow.domain.shared.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link OAuthStateStore} in memory, for a single instance. Bounded, because {@code /oauth/install}
 * is public: when full, expired states are purged and then the oldest ones make room.
 */
final class InMemoryOAuthStateStore implements OAuthStateStore {

    private final Clock clock;
    private final int capacity;
    private final Map<String, Instant> states = new ConcurrentHashMap<>();

    InMemoryOAuthStateStore(Clock clock) {
        this(clock, 10_000);
    }

    InMemoryOAuthStateStore(Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capacity = capacity;
    }

    @Override
    public void put(String state, Instant expiresAt) {
        if (states.size() >= capacity) {
            makeRoom(clock.now());
        }
        states.put(state, expiresAt);
    }

    @Override
    public boolean consume(String state, Instant now) {
        if (state == null) {
            return false;
        }
        Instant expiresAt = states.remove(state);
        return expiresAt != null && now.isBefore(expiresAt);
    }

    int size() {
        return states.size();
    }

    private synchronized void makeRoom(Instant now) {
        states.values().removeIf(expiresAt -> !now.isBefore(expiresAt));
        while (states.size() >= capacity) {
            states.entrySet().stream()
                    .min(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                    .ifPresent(oldest -> states.remove(oldest.getKey(), oldest.getValue()));
        }
    }
}
