package io.recruitflow.adapter.persistence;

import io.recruitflow.contracts.RecruitingReportContract;
import io.recruitflow.contracts.ReportData;

/** The RecruitingReport contract against PostgreSQL (embedded), on emptied tables. */
class PostgresRecruitingReportTest extends RecruitingReportContract {
    @Override
    protected ReportData.Stores newStores() {
        TestDatabase.truncateAll();
        TestDatabase.jdbi().useHandle(h -> h.execute("TRUNCATE compliance_decisions RESTART IDENTITY"));
        var jdbi = TestDatabase.jdbi();
        return new ReportData.Stores(
                new PostgresRecruits(jdbi),
                new PostgresOpportunityMirror(jdbi),
                new PostgresAppointments(jdbi),
                new PostgresComplianceRecord(jdbi),
                new PostgresRecruitingReport(jdbi));
    }
}
