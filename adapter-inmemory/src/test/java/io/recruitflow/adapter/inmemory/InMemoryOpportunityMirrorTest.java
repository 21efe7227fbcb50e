package io.recruitflow.adapter.inmemory;

import io.recruitflow.contracts.OpportunityMirrorContract;
import io.recruitflow.domain.pipeline.OpportunityMirror;

class InMemoryOpportunityMirrorTest extends OpportunityMirrorContract {
    @Override
    protected OpportunityMirror newOpportunityMirror() {
        return new InMemoryOpportunityMirror();
    }
}
