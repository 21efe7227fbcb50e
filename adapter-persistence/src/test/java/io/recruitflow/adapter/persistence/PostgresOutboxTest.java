package io.recruitflow.adapter.persistence;

import io.recruitflow.application.port.Outbox;
import io.recruitflow.contracts.OutboxContract;

/** The Outbox contract against PostgreSQL (embedded), on emptied tables. */
class PostgresOutboxTest extends OutboxContract {
    @Override
    protected Outbox newOutbox() {
        TestDatabase.truncateAll();
        return new PostgresOutbox(TestDatabase.jdbi());
    }
}
