package io.recruitflow.application.intakerecruit;

import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.UnitOfWork;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.SuspendedLocations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The follow-up phase of many intakes of one location in one job run: the workflow enrollment of up to {@link
 * #BATCH} recruits whose first phase is done, oldest first ({@link IntakeJournal#awaitingFollowUp}), in one {@link
 * UnitOfWork} that commits once. A job per recruit cost three transactions per lead (the queue's claim, the step's
 * outcome, the queue's removal); a batch costs those three per fifty leads.
 *
 * <p>The enrollment is repeatable (the CRM makes it idempotent), so nothing is written before or between the calls:
 * every CRM call runs {@linkplain UnitOfWork#outside outside} the unit, which commits what the unit wrote so far,
 * and a write after each call would cost a commit per recruit. The results are collected and settled together after
 * the last call, under the {@link IntakeStepRunner}'s failure policy. A crash mid-batch loses nothing: the journal
 * still says pending, the job is still scheduled, and the enrollments made are made again, to no effect.
 *
 * <p>A failure of one recruit's enrollment follows the retry policy for that recruit; one that holds for the whole
 * location (suspended, the CRM unavailable or throttling it, its setup not matching) stops the batch there: what was
 * done is settled and the job runs again at the failure's retry time.
 */
final class EnrollmentBatch {
    /** Enrollments per run (and per commit). */
    static final int BATCH = 50;

    private final Recruits recruits;
    private final IntakeJournal journal;
    private final SuspendedLocations suspended;
    private final Clock clock;
    private final IntakeStepRunner runner;
    private final DelegatedEnrollmentConfirmation confirmation;
    private final UnitOfWork work;

    EnrollmentBatch(
            Recruits recruits,
            IntakeJournal journal,
            SuspendedLocations suspended,
            Clock clock,
            IntakeStepRunner runner,
            DelegatedEnrollmentConfirmation confirmation,
            UnitOfWork work) {
        this.recruits = recruits;
        this.journal = journal;
        this.suspended = suspended;
        this.clock = clock;
        this.runner = runner;
        this.confirmation = confirmation;
        this.work = work;
    }

    /** Enrolls the location's due recruits, in one unit of work. */
    JobOutcome run(LocationId location) {
        return work.inOne(() -> runNow(location));
    }

    /** One enrollment attempted, to be settled after the batch's last call. */
    private record Attempted(StepRecord started, StepResult result) {}

    private JobOutcome runNow(LocationId location) {
        Optional<String> suspension = suspended.reason(location);
        if (suspension.isPresent()) {
            return new JobOutcome.RunAgainAt(
                    clock.now().plus(IntakeStepRunner.SUSPENDED_RECHECK), "location suspended: " + suspension.get());
        }
        List<RecruitId> due = journal.awaitingFollowUp(location, clock.now(), BATCH);
        List<Attempted> attempted = new ArrayList<>();
        Optional<JobOutcome> stopped = Optional.empty();
        for (RecruitId id : due) {
            Optional<Recruit> recruit = recruits.find(id);
            Optional<StepRecord> record = journal.find(id, IntakeStep.ENROLL_WORKFLOW);
            if (recruit.isEmpty() || record.isEmpty()) {
                continue;
            }
            StepRecord started = record.get().started(clock.now());
            IntakeStepRunner.Attempt attempt =
                    runner.attempt(IntakeStep.ENROLL_WORKFLOW, recruit.get(), record.get(), started);
            StepResult result = attempt.result();
            if (result instanceof StepResult.RetryAt retry) {
                // Repeatable: an enrollment that may have happened needs no reconciling, it is simply made again at
                // its time, which the journal keeps (an UNKNOWN step keeps none, and would be taken up at once).
                result = new StepResult.RetryAt(retry.at(), retry.reason(), false);
                if (attempt.locationWide()) {
                    stopped = Optional.of(new JobOutcome.RunAgainAt(
                            retry.at(), "enrollments of " + location + " stopped: " + retry.reason()));
                }
            }
            attempted.add(new Attempted(started, result));
            if (stopped.isPresent()) {
                break;
            }
        }
        // After the last call: every outcome of the batch in the unit's one commit.
        for (Attempted a : attempted) {
            runner.settle(a.started(), a.result());
            confirmation.afterStep(a.started().recruit());
        }
        if (stopped.isPresent()) {
            return stopped.get();
        }
        // A recruit whose first phase ended during the calls scheduled nothing (this job was scheduled): look again,
        // so that only a first phase ending after this look waits for the enrollment sweep.
        if (due.size() == BATCH
                || (!attempted.isEmpty()
                        && !journal.awaitingFollowUp(location, clock.now(), 1).isEmpty())) {
            return new JobOutcome.RunAgainAt(clock.now(), "enrollments of " + location + ": more due");
        }
        return journal.nextFollowUp(location, clock.now())
                .<JobOutcome>map(at -> new JobOutcome.RunAgainAt(at, "enrollments of " + location + ": retries wait"))
                .orElseGet(JobOutcome.Done::new);
    }
}
