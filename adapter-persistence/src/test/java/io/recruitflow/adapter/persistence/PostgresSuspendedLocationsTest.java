package io.recruitflow.adapter.persistence;

import io.recruitflow.contracts.SuspendedLocationsContract;
import io.recruitflow.domain.shared.SuspendedLocations;

/** The SuspendedLocations contract against PostgreSQL (embedded), on emptied tables. */
class PostgresSuspendedLocationsTest extends SuspendedLocationsContract {
    @Override
    protected SuspendedLocations newSuspendedLocations() {
        TestDatabase.truncateAll();
        return new PostgresSuspendedLocations(TestDatabase.jdbi());
    }
}
