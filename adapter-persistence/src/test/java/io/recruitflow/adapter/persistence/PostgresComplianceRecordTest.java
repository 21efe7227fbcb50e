package io.recruitflow.adapter.persistence;

import io.recruitflow.contracts.ComplianceRecordContract;

/** The ComplianceRecord contract against PostgreSQL (embedded), on emptied tables. */
class PostgresComplianceRecordTest extends ComplianceRecordContract {
    @Override
    protected Stores newStores() {
        TestDatabase.truncateAll();
        TestDatabase.jdbi().useHandle(h -> h.execute("TRUNCATE compliance_decisions RESTART IDENTITY"));
        return new Stores(
                new PostgresComplianceRecord(TestDatabase.jdbi()), new PostgresMessageLog(TestDatabase.jdbi()));
    }
}
