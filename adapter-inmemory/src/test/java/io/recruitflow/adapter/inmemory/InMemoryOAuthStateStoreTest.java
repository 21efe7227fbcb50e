package io.recruitflow.adapter.inmemory;

import io.recruitflow.application.port.OAuthStateStore;
import io.recruitflow.contracts.OAuthStateStoreContract;
import io.recruitflow.domain.shared.Clock;

class InMemoryOAuthStateStoreTest extends OAuthStateStoreContract {
    @Override
    protected OAuthStateStore newStore(Clock clock, int capacity) {
        return new InMemoryOAuthStateStore(clock, capacity);
    }

    @Override
    protected long held(OAuthStateStore store) {
        return ((InMemoryOAuthStateStore) store).size();
    }
}
