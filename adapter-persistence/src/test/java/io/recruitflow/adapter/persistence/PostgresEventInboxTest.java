package io.recruitflow.adapter.persistence;

import io.recruitflow.application.port.EventInbox;
import io.recruitflow.contracts.EventInboxContract;

/** The EventInbox contract against PostgreSQL (embedded), on emptied tables. */
class PostgresEventInboxTest extends EventInboxContract {
    @Override
    protected EventInbox newEventInbox() {
        TestDatabase.truncateAll();
        return new PostgresEventInbox(TestDatabase.jdbi());
    }
}
