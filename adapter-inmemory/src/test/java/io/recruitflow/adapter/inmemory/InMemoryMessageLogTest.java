package io.recruitflow.adapter.inmemory;

import io.recruitflow.contracts.MessageLogContract;
import io.recruitflow.domain.message.MessageLog;

class InMemoryMessageLogTest extends MessageLogContract {
    @Override
    protected MessageLog newMessageLog() {
        return new InMemoryMessageLog();
    }
}
