package io.recruitflow.adapter.inmemory;

import io.recruitflow.application.port.PendingInstalls;
import io.recruitflow.contracts.PendingInstallsContract;
import io.recruitflow.domain.shared.Clock;

class InMemoryPendingInstallsTest extends PendingInstallsContract {
    @Override
    protected PendingInstalls newStore(Clock clock, int capacity) {
        return new InMemoryPendingInstalls(clock, capacity);
    }

    @Override
    protected long held(PendingInstalls store) {
        return ((InMemoryPendingInstalls) store).size();
    }
}
