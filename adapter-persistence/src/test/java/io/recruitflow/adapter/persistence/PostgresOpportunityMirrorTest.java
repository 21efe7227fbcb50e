package io.recruitflow.adapter.persistence;

import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.contracts.OpportunityMirrorContract;

/** The OpportunityMirror contract against PostgreSQL (embedded), on emptied tables. */
class PostgresOpportunityMirrorTest extends OpportunityMirrorContract {
    @Override
    protected OpportunityMirror newOpportunityMirror() {
        TestDatabase.truncateAll();
        return new PostgresOpportunityMirror(TestDatabase.jdbi());
    }
}
