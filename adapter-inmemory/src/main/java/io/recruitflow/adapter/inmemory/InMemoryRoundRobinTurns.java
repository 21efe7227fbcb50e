package io.recruitflow.adapter.inmemory;

import io.recruitflow.application.port.RoundRobinTurns;
import io.recruitflow.domain.shared.LocationId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Round-robin turns counted in this process (the in-memory stores do not outlive it either). */
public final class InMemoryRoundRobinTurns implements RoundRobinTurns {
    private final Map<LocationId, Long> turns = new ConcurrentHashMap<>();

    @Override
    public long take(LocationId location, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        return turns.merge(location, (long) count, Long::sum) - count;
    }
}
