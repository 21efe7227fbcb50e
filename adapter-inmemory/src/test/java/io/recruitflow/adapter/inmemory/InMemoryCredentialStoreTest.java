package io.recruitflow.adapter.inmemory;

import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.contracts.CredentialStoreContract;

class InMemoryCredentialStoreTest extends CredentialStoreContract {
    @Override
    protected CredentialStore newCredentialStore() {
        return new InMemoryCredentialStore();
    }
}
