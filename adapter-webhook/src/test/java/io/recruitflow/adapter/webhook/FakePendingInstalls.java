package io.recruitflow.adapter.webhook;

import io.recruitflow.application.port.PendingInstalls;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An unbounded {@link PendingInstalls} for the route tests; the real stores pass PendingInstallsContract. */
final class FakePendingInstalls implements PendingInstalls {
    final Map<String, Instant> states = new ConcurrentHashMap<>();

    @Override
    public void put(String state, Instant expiresAt) {
        states.put(state, expiresAt);
    }

    @Override
    public boolean consume(String state, Instant now) {
        Instant expiresAt = state == null ? null : states.remove(state);
        return expiresAt != null && now.isBefore(expiresAt);
    }
}
