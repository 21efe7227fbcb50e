package io.recruitflow.adapter.persistence;

import io.recruitflow.contracts.TokenStoreContract;
import io.recruitflow.domain.shared.TokenStore;

/**
 * The TokenStore contract against PostgreSQL; the concurrent refreshes race across two instances (two
 * {@link Database}s, two pools) on one server.
 */
class PostgresTokenStoreTest extends TokenStoreContract {
    @Override
    protected TokenStore newTokenStore() {
        TestDatabase.truncateAll();
        return new PostgresTokenStore(TestDatabase.jdbi(), TestDatabase.get().tokenCipher());
    }

    @Override
    protected TokenStore sameStoreOtherInstance(TokenStore store) {
        Database other = TestDatabase.secondInstance();
        return new PostgresTokenStore(other.jdbi(), other.tokenCipher());
    }
}
