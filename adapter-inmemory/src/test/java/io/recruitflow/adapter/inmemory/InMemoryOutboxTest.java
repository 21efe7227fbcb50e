package io.recruitflow.adapter.inmemory;

import io.recruitflow.application.port.Outbox;
import io.recruitflow.contracts.OutboxContract;

class InMemoryOutboxTest extends OutboxContract {
    @Override
    protected Outbox newOutbox() {
        return new InMemoryOutbox();
    }
}
