package io.recruitflow.adapter.inmemory;

import io.recruitflow.contracts.MessageDeliveryContract;
import io.recruitflow.domain.message.MessageLog;

class InMemoryMessageDeliveryTest extends MessageDeliveryContract {
    @Override
    protected MessageLog newMessageLog() {
        return new InMemoryMessageLog();
    }
}
