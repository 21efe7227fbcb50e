package io.recruitflow.adapter.persistence;

import io.recruitflow.contracts.IntakeJournalContract;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.Recruits;

/** The IntakeJournal contract against PostgreSQL (embedded), on emptied tables. */
class PostgresIntakeJournalTest extends IntakeJournalContract {
    @Override
    protected IntakeJournal newIntakeJournal() {
        TestDatabase.truncateAll();
        return new PostgresIntakeJournal(TestDatabase.jdbi());
    }

    @Override
    protected Recruits recruits() {
        return new PostgresRecruits(TestDatabase.jdbi());
    }
}
