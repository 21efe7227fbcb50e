package io.recruitflow.application.intakerecruit;

import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.application.port.RecruitAdmissions;
import io.recruitflow.application.port.RecruitAssigner;
import io.recruitflow.application.port.RecruitEvent;
import io.recruitflow.application.port.RecruitEvents;
import io.recruitflow.application.port.RoundRobinTurns;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@link RecruitAdmissions} on any stores: each candidate is added, and a stored one is assigned (an update of
 * the recruit when a rule applies), gets its journal opened and its first job scheduled, one after another (a commit each, where the stores commit). For stores that cannot
 * share a transaction (in memory, or an embedder's own).
 */
@Singleton
public class SequentialAdmissions implements RecruitAdmissions {
    private final Recruits recruits;
    private final IntakeJournal journal;
    private final JobQueue jobs;
    private final RoundRobinTurns turns;
    private final RecruitEvents events;

    /** Announcing no events. */
    public SequentialAdmissions(Recruits recruits, IntakeJournal journal, JobQueue jobs, RoundRobinTurns turns) {
        this(recruits, journal, jobs, turns, RecruitEvents.none());
    }

    /** Announcing each recruit stored ({@code recruit.accepted}) after it is stored, scheduled and journaled. */
    @Inject
    public SequentialAdmissions(
            Recruits recruits, IntakeJournal journal, JobQueue jobs, RoundRobinTurns turns, RecruitEvents events) {
        this.recruits = recruits;
        this.journal = journal;
        this.jobs = jobs;
        this.turns = turns;
        this.events = events;
    }

    @Override
    public List<Recruits.AddOutcome> admit(
            List<Recruit> candidates, Instant at, RecruitAssigner assigner, Function<Recruit, Job> firstJob) {
        List<Recruits.AddOutcome> outcomes = new ArrayList<>(candidates.size());
        for (Recruit candidate : candidates) {
            Recruits.AddOutcome outcome = recruits.add(candidate);
            if (outcome instanceof Recruits.AddOutcome.Added added) {
                Recruit stored = added.recruit();
                Recruit assigned = assigner.assign(List.of(stored), turns).get(0);
                if (!assigned.equals(stored)) {
                    stored = recruits.update(assigned);
                    outcome = new Recruits.AddOutcome.Added(stored);
                }
                journal.open(stored.id(), at);
                jobs.schedule(firstJob.apply(stored));
                events.publish(RecruitEvent.accepted(stored, at));
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }
}
