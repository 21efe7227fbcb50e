package io.recruitflow.adapter.persistence;

import io.recruitflow.application.port.PendingInstalls;
import io.recruitflow.contracts.PendingInstallsContract;
import io.recruitflow.domain.shared.Clock;

/**
 * The PendingInstalls contract against PostgreSQL; the other instance is a second {@link Database} (its own
 * pool) on the same server, as two services behind a load balancer.
 */
class PostgresPendingInstallsTest extends PendingInstallsContract {
    private int capacity;

    @Override
    protected PendingInstalls newStore(Clock clock, int capacity) {
        TestDatabase.truncateAll();
        this.capacity = capacity;
        return new PostgresPendingInstalls(TestDatabase.jdbi(), clock, capacity);
    }

    @Override
    protected long held(PendingInstalls store) {
        return TestDatabase.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM pending_installs")
                        .mapTo(Long.class)
                        .one());
    }

    @Override
    protected PendingInstalls sameStoreOtherInstance(PendingInstalls store) {
        return new PostgresPendingInstalls(TestDatabase.secondInstance().jdbi(), clock, capacity);
    }
}
