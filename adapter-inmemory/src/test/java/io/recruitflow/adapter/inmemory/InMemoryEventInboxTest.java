package io.recruitflow.adapter.inmemory;

import io.recruitflow.contracts.EventInboxContract;
import io.recruitflow.application.port.EventInbox;

class InMemoryEventInboxTest extends EventInboxContract {
    @Override
    protected EventInbox newEventInbox() {
        return new InMemoryEventInbox();
    }
}
