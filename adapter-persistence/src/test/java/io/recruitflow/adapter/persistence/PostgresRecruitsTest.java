package io.recruitflow.adapter.persistence;

import io.recruitflow.contracts.RecruitsContract;
import io.recruitflow.domain.recruit.Recruits;

/** The Recruits contract against PostgreSQL (embedded), on emptied tables. */
class PostgresRecruitsTest extends RecruitsContract {
    @Override
    protected Recruits newRecruits() {
        TestDatabase.truncateAll();
        return new PostgresRecruits(TestDatabase.jdbi());
    }
}
