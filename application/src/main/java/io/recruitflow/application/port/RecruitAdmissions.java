package io.recruitflow.application.port;

import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Durable acceptance of many new recruits at once: an import's batch of rows. A store that can commit several
 * writes together (PostgreSQL) stores the whole batch — the recruits, their intake journals and their first jobs —
 * in one transaction; others do what {@link Recruits#add}, {@code IntakeJournal.open} and {@link JobQueue#schedule}
 * do, one recruit after another ({@code SequentialAdmissions}). Makes no call outside the store.
 */
public interface RecruitAdmissions {

    /**
     * Stores each candidate (version 0 → stored as 1) unless its location already has a recruit with the same NPN,
     * phone or email — stored before, or earlier in this same batch — exactly as {@link Recruits#add} decides; for
     * each candidate stored, opens its intake journal at {@code at} and schedules {@code firstJob}'s job for it.
     * A known recruit is returned unchanged, nothing is done for it. Returns one outcome per candidate, in order.
     */
    default List<Recruits.AddOutcome> admit(List<Recruit> candidates, Instant at, Function<Recruit, Job> firstJob) {
        return admit(candidates, at, RecruitAssigner.NONE, firstJob);
    }

    /**
     * {@link #admit(List, Instant, Function)}, the recruits stored being assigned by {@code assigner} before their
     * first jobs are made — with the round-robin turns taken, and the assignments stored, in the same commit as the
     * recruits where the store commits. An {@link Recruits.AddOutcome.Added} holds the recruit as assigned.
     */
    List<Recruits.AddOutcome> admit(
            List<Recruit> candidates, Instant at, RecruitAssigner assigner, Function<Recruit, Job> firstJob);
}
