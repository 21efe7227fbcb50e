package io.recruitflow.adapter.persistence;

import io.recruitflow.contracts.OpportunityMirrorContract;
import io.recruitflow.domain.pipeline.OpportunityMirror;

/** The OpportunityMirror contract against PostgreSQL (embedded), on emptied tables. */
class PostgresOpportunityMirrorTest extends OpportunityMirrorContract {
    @Override
    protected OpportunityMirror newOpportunityMirror() {
        TestDatabase.truncateAll();
        return new PostgresOpportunityMirror(TestDatabase.jdbi());
    }
}
