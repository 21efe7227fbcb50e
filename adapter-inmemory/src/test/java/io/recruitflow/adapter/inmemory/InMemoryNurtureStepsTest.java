package io.recruitflow.adapter.inmemory;

import io.recruitflow.contracts.NurtureStepsContract;
import io.recruitflow.domain.nurture.NurtureSteps;
import io.recruitflow.domain.nurture.OwnerAlerts;

class InMemoryNurtureStepsTest extends NurtureStepsContract {
    @Override
    protected NurtureSteps newNurtureSteps() {
        return new InMemoryNurtureSteps();
    }

    @Override
    protected OwnerAlerts newOwnerAlerts() {
        return new InMemoryOwnerAlerts();
    }
}
