package io.recruitflow.adapter.persistence;

import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.RecruitAdmissions;
import io.recruitflow.application.port.RecruitAssigner;
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
 * {@link RecruitAdmissions} in one PostgreSQL transaction per batch: the recruits' inserts, their assignees (the
 * round-robin turns taken and the assignments stored, two statements, only when routing assigns), then the journal
 * rows of those stored, then their first jobs in db-scheduler's table, each kind one JDBC batch (one round trip), one
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
    public List<Recruits.AddOutcome> admit(
            List<Recruit> candidates, Instant at, RecruitAssigner assigner, Function<Recruit, Job> firstJob) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Job> scheduled = new ArrayList<>();
        List<Recruits.AddOutcome> outcomes = jdbi.inTransaction(h -> {
            scheduled.clear(); // a retried transaction starts over
            List<Recruits.AddOutcome> added = new ArrayList<>(PostgresRecruits.addAll(h, candidates));
            List<Integer> stored = new ArrayList<>();
            for (int i = 0; i < added.size(); i++) {
                if (added.get(i) instanceof Recruits.AddOutcome.Added) {
                    stored.add(i);
                }
            }
            // Routing, once the batch's duplicates are known: only recruits stored take round-robin turns.
            List<Recruit> assigned = assigner.assign(
                    stored.stream().map(i -> added.get(i).recruit()).toList(),
                    (location, count) -> PostgresRoundRobinTurns.take(h, location, count));
            List<Recruit> changed = new ArrayList<>();
            for (int k = 0; k < stored.size(); k++) {
                if (!assigned.get(k).equals(added.get(stored.get(k)).recruit())) {
                    changed.add(assigned.get(k));
                }
            }
            PostgresRecruits.assignAll(h, changed);
            List<RecruitId> opened = new ArrayList<>();
            java.util.Map<RecruitId, Recruit> byId = new java.util.HashMap<>();
            List<RecruitEvent> accepted = new ArrayList<>();
            for (int k = 0; k < stored.size(); k++) {
                Recruit recruit = assigned.get(k);
                added.set(stored.get(k), new Recruits.AddOutcome.Added(recruit));
                byId.put(recruit.id(), recruit);
                opened.add(recruit.id());
                scheduled.add(firstJob.apply(recruit));
                accepted.add(RecruitEvent.accepted(recruit, at));
            }
            // A row repeating an earlier row of this batch was answered with that recruit as read before routing.
            for (int i = 0; i < added.size(); i++) {
                if (added.get(i) instanceof Recruits.AddOutcome.AlreadyKnown known
                        && byId.containsKey(known.recruit().id())) {
                    added.set(
                            i,
                            new Recruits.AddOutcome.AlreadyKnown(
                                    byId.get(known.recruit().id())));
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
