package io.recruitflow.adapter.inmemory;

import io.recruitflow.application.port.EventInbox;
import io.recruitflow.contracts.EventInboxContract;

class InMemoryEventInboxTest extends EventInboxContract {
    @Override
    protected EventInbox newEventInbox() {
        return new InMemoryEventInbox();
    }
}
