package io.recruitflow.adapter.inmemory;

import io.recruitflow.contracts.IntakeJournalContract;
import io.recruitflow.domain.recruit.IntakeJournal;

class InMemoryIntakeJournalTest extends IntakeJournalContract {
    @Override
    protected IntakeJournal newIntakeJournal() {
        return new InMemoryIntakeJournal();
    }
}
