package io.recruitflow.adapter.inmemory;

import io.recruitflow.contracts.TokenStoreContract;
import io.recruitflow.domain.shared.TokenStore;

class InMemoryTokenStoreTest extends TokenStoreContract {
    @Override
    protected TokenStore newTokenStore() {
        return new InMemoryTokenStore();
    }
}
