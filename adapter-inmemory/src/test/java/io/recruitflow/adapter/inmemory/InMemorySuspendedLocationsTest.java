package io.recruitflow.adapter.inmemory;

import io.recruitflow.contracts.SuspendedLocationsContract;
import io.recruitflow.domain.shared.SuspendedLocations;

class InMemorySuspendedLocationsTest extends SuspendedLocationsContract {
    @Override
    protected SuspendedLocations newSuspendedLocations() {
        return new InMemorySuspendedLocations();
    }
}
