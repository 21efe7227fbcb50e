package io.recruitflow.adapter.inmemory;

import io.recruitflow.contracts.StallAlertsContract;
import io.recruitflow.domain.pipeline.StallAlerts;

class InMemoryStallAlertsTest extends StallAlertsContract {
    @Override
    protected StallAlerts newStallAlerts() {
        return new InMemoryStallAlerts();
    }
}
