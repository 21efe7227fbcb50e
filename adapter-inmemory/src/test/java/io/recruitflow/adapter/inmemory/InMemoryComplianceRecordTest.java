package io.recruitflow.adapter.inmemory;

import io.recruitflow.contracts.ComplianceRecordContract;

class InMemoryComplianceRecordTest extends ComplianceRecordContract {
    @Override
    protected Stores newStores() {
        InMemoryComplianceRecord record = new InMemoryComplianceRecord();
        return new Stores(record, new InMemoryMessageLog(record));
    }
}
