package io.recruitflow.adapter.inmemory;

import io.recruitflow.contracts.ProcessedEventsContract;
import io.recruitflow.domain.shared.ProcessedEvents;

class InMemoryProcessedEventsTest extends ProcessedEventsContract {
    @Override
    protected ProcessedEvents newProcessedEvents() {
        return new InMemoryProcessedEvents();
    }
}
