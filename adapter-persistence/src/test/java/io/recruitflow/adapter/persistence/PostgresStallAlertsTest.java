package io.recruitflow.adapter.persistence;

import io.recruitflow.contracts.StallAlertsContract;
import io.recruitflow.domain.pipeline.StallAlerts;

/** The StallAlerts contract against PostgreSQL (embedded), on emptied tables. */
class PostgresStallAlertsTest extends StallAlertsContract {
    @Override
    protected StallAlerts newStallAlerts() {
        TestDatabase.truncateAll();
        return new PostgresStallAlerts(TestDatabase.jdbi());
    }
}
