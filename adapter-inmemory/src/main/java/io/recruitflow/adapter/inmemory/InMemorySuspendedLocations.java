package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.SuspendedLocations;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe in-memory {@link SuspendedLocations}. */
public final class InMemorySuspendedLocations implements SuspendedLocations {
    private final Map<LocationId, String> reasons = new ConcurrentHashMap<>();

    @Override
    public void suspend(LocationId location, String reason) {
        reasons.put(location, reason == null || reason.isBlank() ? "suspended" : reason);
    }

    @Override
    public void resume(LocationId location) {
        reasons.remove(location);
    }

    @Override
    public Optional<String> reason(LocationId location) {
        return Optional.ofNullable(reasons.get(location));
    }

    @Override
    public Map<LocationId, String> all() {
        return Map.copyOf(reasons);
    }
}
