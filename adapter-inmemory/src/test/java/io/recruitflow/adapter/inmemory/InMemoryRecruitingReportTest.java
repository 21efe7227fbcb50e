package io.recruitflow.adapter.inmemory;

import io.recruitflow.contracts.RecruitingReportContract;
import io.recruitflow.contracts.ReportData;

class InMemoryRecruitingReportTest extends RecruitingReportContract {
    @Override
    protected ReportData.Stores newStores() {
        InMemoryAdapters adapters = new InMemoryAdapters(new ManualClock(io.recruitflow.contracts.Fixtures.T0));
        return new ReportData.Stores(
                adapters.recruits(),
                adapters.opportunityMirror(),
                adapters.appointments(),
                adapters.complianceRecord(),
                adapters.recruitingReport());
    }
}
