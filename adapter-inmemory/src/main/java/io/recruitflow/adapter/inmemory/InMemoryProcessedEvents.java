package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.shared.ProcessedEvents;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ProcessedEvents} in memory. Grows without bound: meant for tests, the demo and short-lived embedders. */
public final class InMemoryProcessedEvents implements ProcessedEvents {
    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    public InMemoryProcessedEvents() {}

    @Override
    public boolean markProcessed(String eventId) {
        return ids.add(eventId);
    }

    @Override
    public boolean isProcessed(String eventId) {
        return ids.contains(eventId);
    }
}
