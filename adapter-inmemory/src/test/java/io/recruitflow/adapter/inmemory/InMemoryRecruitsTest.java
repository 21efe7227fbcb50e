package io.recruitflow.adapter.inmemory;

import io.recruitflow.contracts.RecruitsContract;
import io.recruitflow.domain.recruit.Recruits;

class InMemoryRecruitsTest extends RecruitsContract {
    @Override
    protected Recruits newRecruits() {
        return new InMemoryRecruits();
    }
}
