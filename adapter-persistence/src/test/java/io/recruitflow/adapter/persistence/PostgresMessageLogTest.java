package io.recruitflow.adapter.persistence;

import io.recruitflow.contracts.MessageLogContract;
import io.recruitflow.domain.message.MessageLog;

/** The MessageLog contract against PostgreSQL (embedded), on emptied tables. */
class PostgresMessageLogTest extends MessageLogContract {
    @Override
    protected MessageLog newMessageLog() {
        TestDatabase.truncateAll();
        return new PostgresMessageLog(TestDatabase.jdbi());
    }
}
