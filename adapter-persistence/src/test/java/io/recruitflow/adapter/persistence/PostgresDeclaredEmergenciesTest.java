package io.recruitflow.adapter.persistence;

import io.recruitflow.contracts.DeclaredEmergenciesContract;
import io.recruitflow.domain.message.DeclaredEmergencies;

/** The DeclaredEmergencies contract against PostgreSQL (embedded), on an emptied table. */
class PostgresDeclaredEmergenciesTest extends DeclaredEmergenciesContract {
    @Override
    protected DeclaredEmergencies newEmergencies() {
        TestDatabase.jdbi().useHandle(h -> h.execute("TRUNCATE declared_emergencies RESTART IDENTITY"));
        return new PostgresDeclaredEmergencies(TestDatabase.jdbi());
    }
}
