package io.recruitflow.adapter.inmemory;

import io.recruitflow.contracts.IntakeJournalContract;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;

class InMemoryIntakeJournalTest extends IntakeJournalContract {
    private InMemoryRecruits recruits = new InMemoryRecruits();

    @Override
    protected IntakeJournal newIntakeJournal() {
        InMemoryRecruits fresh = new InMemoryRecruits();
        recruits = fresh;
        return new InMemoryIntakeJournal(id -> fresh.find(id).map(Recruit::location));
    }

    @Override
    protected Recruits recruits() {
        return recruits;
    }
}
