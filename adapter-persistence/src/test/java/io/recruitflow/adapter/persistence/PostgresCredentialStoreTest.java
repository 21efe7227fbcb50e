package io.recruitflow.adapter.persistence;

import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.contracts.CredentialStoreContract;

/**
 * The CredentialStore contract against PostgreSQL; the concurrent refreshes race across two instances (two
 * {@link Database}s, two pools) on one server.
 */
class PostgresCredentialStoreTest extends CredentialStoreContract {
    @Override
    protected CredentialStore newCredentialStore() {
        TestDatabase.truncateAll();
        return new PostgresCredentialStore(
                TestDatabase.jdbi(), TestDatabase.get().tokenCipher());
    }

    @Override
    protected CredentialStore sameStoreOtherInstance(CredentialStore store) {
        Database other = TestDatabase.secondInstance();
        return new PostgresCredentialStore(other.jdbi(), other.tokenCipher());
    }
}
