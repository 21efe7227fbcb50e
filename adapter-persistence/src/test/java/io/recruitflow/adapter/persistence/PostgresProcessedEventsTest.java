package io.recruitflow.adapter.persistence;

import io.recruitflow.contracts.ProcessedEventsContract;
import io.recruitflow.domain.shared.ProcessedEvents;

/** The ProcessedEvents contract against PostgreSQL (embedded), on emptied tables. */
class PostgresProcessedEventsTest extends ProcessedEventsContract {
    @Override
    protected ProcessedEvents newProcessedEvents() {
        TestDatabase.truncateAll();
        return new PostgresProcessedEvents(TestDatabase.jdbi());
    }
}
