package io.recruitflow.adapter.inmemory;

import io.recruitflow.contracts.DeclaredEmergenciesContract;
import io.recruitflow.domain.message.DeclaredEmergencies;

class InMemoryDeclaredEmergenciesTest extends DeclaredEmergenciesContract {
    @Override
    protected DeclaredEmergencies newEmergencies() {
        return DeclaredEmergencies.inMemory();
    }
}
