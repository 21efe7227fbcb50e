package io.recruitflow.application.intakerecruit;

import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.UnitOfWork;
import io.recruitflow.application.retry.RetryPolicy;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PersonalData;
import io.recruitflow.domain.shared.SuspendedLocations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The follow-up phase of many intakes of one location in one job run: the workflow enrollment of the recruits whose
 * first phase is done, oldest first ({@link IntakeJournal#awaitingFollowUp}), {@link #BATCH} at a time, in one {@link
 * UnitOfWork} that commits once per batch. A job per recruit cost three transactions per lead (the queue's claim, the
 * step's outcome, the queue's removal); a batch costs one commit per fifty leads, and a run one claim.
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
    /** Enrollments per batch (and per commit). */
    static final int BATCH = 50;

    /**
     * Batches per run at most, one after the other while full ones keep coming: a job that ran again at once after
     * each batch would wait for the queue's next poll every time (0.1 s after the 0.5 s fifty calls take at 100 a
     * second: the intake benchmark's enrollments ran at 82 calls a second).
     */
    static final int BATCHES_PER_RUN = 10;

    /**
     * Enrollment calls a run makes at once, by default: one job per location must not cap the location's enrollments
     * at one call's latency (one at a time reached about 82 calls a second of a limit of 100 in the intake benchmark,
     * where the job per recruit ran on every worker).
     */
    static final int CALLS_AT_ONCE = 4;

    /**
     * The threads the calls run on besides the job's: created as needed, gone when idle, never more than {@link
     * #CALLS_AT_ONCE} per running batch. They hold no unit of work: a call's own stores commit at once, as in {@link
     * UnitOfWork#outside}.
     */
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "enrollment-call");
        t.setDaemon(true);
        return t;
    });

    private final Recruits recruits;
    private final IntakeJournal journal;
    private final SuspendedLocations suspended;
    private final Clock clock;
    private final IntakeStepRunner runner;
    private final DelegatedEnrollmentConfirmation confirmation;
    private final UnitOfWork work;
    private final int callsAtOnce;

    /** @param callsAtOnce enrollment calls made at once; 1 makes them one after the other on the job's thread */
    EnrollmentBatch(
            Recruits recruits,
            IntakeJournal journal,
            SuspendedLocations suspended,
            Clock clock,
            IntakeStepRunner runner,
            DelegatedEnrollmentConfirmation confirmation,
            UnitOfWork work,
            int callsAtOnce) {
        if (callsAtOnce < 1) {
            throw new IllegalArgumentException("at least one enrollment call at a time");
        }
        this.callsAtOnce = callsAtOnce;
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

    /** One enrollment attempted, to be settled after the batch's last call; {@code stop} when it stops the batch. */
    private record Attempted(StepRecord started, StepResult result, Optional<Instant> stop) {}

    /** One enrollment to attempt: read on the job's thread, in the unit of work. */
    private record Due(Recruit recruit, StepRecord record, StepRecord started) {}

    private JobOutcome runNow(LocationId location) {
        Optional<String> suspension = suspended.reason(location);
        if (suspension.isPresent()) {
            return new JobOutcome.RunAgainAt(
                    clock.now().plus(IntakeStepRunner.SUSPENDED_RECHECK), "location suspended: " + suspension.get());
        }
        for (int batch = 1; batch < BATCHES_PER_RUN; batch++) {
            Optional<JobOutcome> outcome = oneBatch(location);
            if (outcome.isPresent()) {
                return outcome.get();
            }
            // More are due: the next batch's first call commits this one's outcomes (UnitOfWork.outside).
        }
        return oneBatch(location)
                .orElseGet(() -> new JobOutcome.RunAgainAt(clock.now(), "enrollments of " + location + ": more due"));
    }

    /** One batch: its calls, then its outcomes; empty when more are due at once. */
    private Optional<JobOutcome> oneBatch(LocationId location) {
        List<StepRecord> due = journal.awaitingFollowUp(location, clock.now(), BATCH);
        // One read for the batch's recruits: before its first call, while the budget may be waiting for it.
        Map<RecruitId, Recruit> byId =
                recruits.findAll(due.stream().map(StepRecord::recruit).toList());
        List<Due> toDo = new ArrayList<>();
        for (StepRecord record : due) {
            Recruit recruit = byId.get(record.recruit());
            if (recruit != null) {
                toDo.add(new Due(recruit, record, record.started(clock.now())));
            }
        }
        // The last batch's outcomes commit before this one's calls: on the job's thread the first call's
        // UnitOfWork.outside would do it, but calls made on other threads hold no unit and commit nothing of it.
        work.commitWritten();
        List<Attempted> attempted = callsAtOnce == 1 ? oneByOne(toDo) : fewAtOnce(toDo);
        Optional<JobOutcome> stopped = attempted.stream()
                .filter(a -> a.stop().isPresent())
                .min(java.util.Comparator.comparing(a -> a.stop().get()))
                .map(a -> new JobOutcome.RunAgainAt(
                        a.stop().get(),
                        "enrollments of " + location + " stopped: " + ((StepResult.RetryAt) a.result()).reason()));
        // After the last call: every outcome of the batch in the unit's one commit.
        for (Attempted a : attempted) {
            runner.settle(a.started(), a.result());
            confirmation.afterStep(a.started().recruit());
        }
        if (stopped.isPresent()) {
            return stopped;
        }
        // A recruit whose first phase ends during this run asks the running job to run again
        // (JobQueue.scheduleNoLaterThan): it is enrolled by that run, not missed by this one's end.
        if (due.size() == BATCH) {
            return Optional.empty();
        }
        return Optional.of(journal.nextFollowUp(location, clock.now())
                .<JobOutcome>map(at -> new JobOutcome.RunAgainAt(at, "enrollments of " + location + ": retries wait"))
                .orElseGet(JobOutcome.Done::new));
    }

    /** The calls one after the other, on the job's thread, up to the first that stops the batch. */
    private List<Attempted> oneByOne(List<Due> toDo) {
        List<Attempted> attempted = new ArrayList<>();
        for (Due d : toDo) {
            Attempted a = attempt(d);
            attempted.add(a);
            if (a.stop().isPresent()) {
                break;
            }
        }
        return attempted;
    }

    /**
     * The calls {@link #callsAtOnce} at a time, in order: once one stops the batch, no call starts (those under way
     * finish, and are settled). A call that throws what no CRM failure is fails the run, once every call has ended.
     */
    private List<Attempted> fewAtOnce(List<Due> toDo) {
        Semaphore slots = new Semaphore(callsAtOnce);
        AtomicBoolean stop = new AtomicBoolean();
        List<CompletableFuture<Attempted>> calls = new ArrayList<>();
        for (Due d : toDo) {
            slots.acquireUninterruptibly();
            if (stop.get()) {
                slots.release();
                break;
            }
            calls.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            Attempted a = attempt(d);
                            if (a.stop().isPresent()) {
                                stop.set(true);
                            }
                            return a;
                        } finally {
                            slots.release();
                        }
                    },
                    CALLS));
        }
        List<Attempted> attempted = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<Attempted> call : calls) {
            try {
                attempted.add(call.join());
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return attempted;
    }

    private Attempted attempt(Due d) {
        IntakeStepRunner.Attempt attempt;
        try {
            attempt = runner.attempt(IntakeStep.ENROLL_WORKFLOW, d.recruit(), d.record(), d.started());
        } catch (RuntimeException unexpected) {
            // Not a CRM failure (a bug, a store that failed): this recruit alone waits, with the steps' backoff, so
            // that it cannot fail the run and hold up the location's other enrollments run after run.
            Instant at = clock.now().plus(RetryPolicy.backoff(d.started().attempts()));
            return new Attempted(
                    d.started(),
                    new StepResult.RetryAt(
                            at,
                            "unexpected " + unexpected.getClass().getSimpleName() + ": "
                                    + PersonalData.mask(String.valueOf(unexpected.getMessage())),
                            false),
                    Optional.empty());
        }
        StepResult result = attempt.result();
        Optional<Instant> stop = Optional.empty();
        if (result instanceof StepResult.RetryAt retry) {
            // Repeatable: an enrollment that may have happened needs no reconciling, it is simply made again at
            // its time, which the journal keeps (an UNKNOWN step keeps none, and would be taken up at once).
            result = new StepResult.RetryAt(retry.at(), retry.reason(), false);
            if (attempt.locationWide()) {
                stop = Optional.of(retry.at());
            }
        }
        return new Attempted(d.started(), result, stop);
    }
}
