package io.recruitflow.adapter.persistence;

import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.RecruitAdmissions;
import io.recruitflow.application.port.RecruitEvent;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link RecruitAdmissions} in one PostgreSQL transaction per batch: the recruits' inserts, then the journal rows
 * of those stored, then their first jobs in db-scheduler's table, each kind one JDBC batch (one round trip), one
 * commit (one WAL sync) for the whole batch. A crash leaves the batch entirely stored or not at all, so no
 * recruit is ever stored without its journal and job. The one-recruit-per-NPN/phone/email rule is the unique
 * indexes', statement by statement, so a row that repeats an earlier row of the same batch is known. With
 * subscribers configured, each stored recruit's {@code recruit.accepted} event joins the outbox in the same commit.
 */
final class PostgresRecruitAdmissions implements RecruitAdmissions {
    private final Jdbi jdbi;
    private final PostgresJobQueue jobs;
    private final List<String> subscriptions;

    PostgresRecruitAdmissions(Jdbi jdbi, PostgresJobQueue jobs) {
        this(jdbi, jobs, List.of());
    }

    /**
     * Also appends a {@code recruit.accepted} event of each recruit stored to the outbox, for each of
     * {@code subscriptions}, in the batch's transaction: no recruit is stored without its event.
     */
    PostgresRecruitAdmissions(Jdbi jdbi, PostgresJobQueue jobs, List<String> subscriptions) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.subscriptions = List.copyOf(subscriptions);
    }

    @Override
    public List<Recruits.AddOutcome> admit(List<Recruit> candidates, Instant at, Function<Recruit, Job> firstJob) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Job> scheduled = new ArrayList<>();
        List<Recruits.AddOutcome> outcomes = jdbi.inTransaction(h -> {
            scheduled.clear(); // a retried transaction starts over
            List<Recruits.AddOutcome> added = PostgresRecruits.addAll(h, candidates);
            List<RecruitId> opened = new ArrayList<>();
            List<RecruitEvent> accepted = new ArrayList<>();
            for (Recruits.AddOutcome outcome : added) {
                if (outcome instanceof Recruits.AddOutcome.Added a) {
                    opened.add(a.recruit().id());
                    scheduled.add(firstJob.apply(a.recruit()));
                    accepted.add(RecruitEvent.accepted(a.recruit(), at));
                }
            }
            PostgresIntakeJournal.openAll(h, opened, at);
            jobs.insertAll(h, scheduled);
            PostgresOutbox.appendAll(h, accepted, subscriptions, at);
            return added;
        });
        if (!scheduled.isEmpty()) {
            jobs.jobsAdded();
        }
        return outcomes;
    }
}
