package io.recruitflow.adapter.persistence;

import io.recruitflow.contracts.MessageDeliveryContract;
import io.recruitflow.domain.message.MessageLog;

/** The delivery part of the MessageLog contract against PostgreSQL (embedded, migrated up to V14). */
class PostgresMessageDeliveryTest extends MessageDeliveryContract {
    @Override
    protected MessageLog newMessageLog() {
        TestDatabase.truncateAll();
        return new PostgresMessageLog(TestDatabase.jdbi());
    }
}
