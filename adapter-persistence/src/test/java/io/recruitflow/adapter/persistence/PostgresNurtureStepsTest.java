package io.recruitflow.adapter.persistence;

import io.recruitflow.contracts.NurtureStepsContract;
import io.recruitflow.domain.nurture.NurtureSteps;
import io.recruitflow.domain.nurture.OwnerAlerts;

/** The NurtureSteps and OwnerAlerts contract against PostgreSQL (embedded), on emptied tables. */
class PostgresNurtureStepsTest extends NurtureStepsContract {
    @Override
    protected NurtureSteps newNurtureSteps() {
        TestDatabase.truncateAll();
        return new PostgresNurtureSteps(TestDatabase.jdbi());
    }

    @Override
    protected OwnerAlerts newOwnerAlerts() {
        TestDatabase.truncateAll();
        return new PostgresOwnerAlerts(TestDatabase.jdbi());
    }
}
