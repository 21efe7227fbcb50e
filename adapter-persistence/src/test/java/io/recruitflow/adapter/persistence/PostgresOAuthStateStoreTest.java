package io.recruitflow.adapter.persistence;

import io.recruitflow.application.port.OAuthStateStore;
import io.recruitflow.contracts.OAuthStateStoreContract;
import io.recruitflow.domain.shared.Clock;

/**
 * The OAuthStateStore contract against PostgreSQL; the other instance is a second {@link Database} (its own
 * pool) on the same server, as two services behind a load balancer.
 */
class PostgresOAuthStateStoreTest extends OAuthStateStoreContract {
    private int capacity;

    @Override
    protected OAuthStateStore newStore(Clock clock, int capacity) {
        TestDatabase.truncateAll();
        this.capacity = capacity;
        return new PostgresOAuthStateStore(TestDatabase.jdbi(), clock, capacity);
    }

    @Override
    protected long held(OAuthStateStore store) {
        return TestDatabase.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM oauth_states")
                        .mapTo(Long.class)
                        .one());
    }

    @Override
    protected OAuthStateStore sameStoreOtherInstance(OAuthStateStore store) {
        return new PostgresOAuthStateStore(TestDatabase.secondInstance().jdbi(), clock, capacity);
    }
}
