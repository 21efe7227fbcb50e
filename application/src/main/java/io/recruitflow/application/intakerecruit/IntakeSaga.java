package io.recruitflow.application.intakerecruit;

import io.recruitflow.application.outreach.SendOutcome;
import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.application.port.UnitOfWork;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.IntakePhase;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.SuspendedLocations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The intake of one recruit, run as durable jobs — the reference's {@code processNewRecruit}: upsert the
 * contact, create the opportunity, send the intro text, then enroll the contact in the speed-to-lead
 * workflow. The first three run at speed-to-lead priority, in the recruit's place in its location's
 * backlog; enrolment follows at bulk priority ({@link IntakePhase}), in the location's enrollment batch ({@link
 * EnrollmentBatch}: one job per location, many recruits per run). What each step does is in its
 * {@link IntakeStepAction}; journaling, retries and reconciliation are the {@link IntakeStepRunner}'s.
 *
 * <p>A recruit whose first phase ends while its location's batch runs asks the running job to run again ({@link
 * JobQueue#scheduleNoLaterThan}), even when the run has looked for work already. The {@linkplain #wakeEnrollments
 * enrollment sweep}, once a minute, is the safety net for a follow-up that no batch took up all the same (a job
 * removed by hand, or an earlier version's batch ending over a wake-up).
 */
@Singleton
public class IntakeSaga {
    private final Recruits recruits;
    private final IntakeJournal journal;
    private final JobQueue jobs;
    private final SuspendedLocations suspended;
    private final LocationBacklog backlog;
    private final Clock clock;
    private final SendIntroStep intro;
    private final IntakeStepRunner runner;
    private final DelegatedEnrollmentConfirmation confirmation;
    private final UnitOfWork work;
    private final EnrollWorkflowStep enrollment;
    private final EnrollmentBatch batch;

    /**
     * How long a paced location's enrollment batch, once woken while more than {@link #GATHER_WHILE_RUNNING} other
     * first phases of the location are still running, waits for them to end: one run for the last few instead of one
     * each, which costs the budget nothing while their calls keep it busy. Gathering after the last one left the
     * location idle for the whole second (about 2.4 % of a 42-second run at 100 per 10 s).
     */
    public static final java.time.Duration ENROLLMENT_GATHER = java.time.Duration.ofSeconds(1);

    /**
     * How many other first phases of the location may still run when one that ends wakes the batch at once: the last
     * one's calls cover the batch's start (its commit, claim and query), so that its first call comes as the budget
     * frees, and that last one's enrollment is the batch's next run. Waiting for the very last left 0.25–0.5 s idle
     * at N = 50.
     */
    static final int GATHER_WHILE_RUNNING = 1;

    /** How long a due follow-up goes untouched before the enrollment sweep wakes its location's batch. */
    public static final java.time.Duration ENROLLMENT_QUIET = java.time.Duration.ofMinutes(1);

    /**
     * A job's run in one {@link UnitOfWork}: a commit right before each CRM call, none in between; a location's
     * enrollment batch makes {@value EnrollmentBatch#CALLS_AT_ONCE} calls at once.
     */
    @Inject
    public IntakeSaga(
            Recruits recruits,
            IntakeJournal journal,
            JobQueue jobs,
            SuspendedLocations suspended,
            LocationBacklog backlog,
            Clock clock,
            UpsertContactStep contact,
            CreateOpportunityStep opportunity,
            SendIntroStep intro,
            EnrollWorkflowStep enrollment,
            DelegatedEnrollmentConfirmation confirmation,
            UnitOfWork work) {
        this(
                recruits,
                journal,
                jobs,
                suspended,
                backlog,
                clock,
                contact,
                opportunity,
                intro,
                enrollment,
                confirmation,
                work,
                EnrollmentBatch.CALLS_AT_ONCE);
    }

    /**
     * @param enrollmentCallsAtOnce the calls a location's enrollment batch makes at once; 1 makes them one after the
     *     other on the job's thread (deterministic, for tests that script the CRM's answers in order)
     */
    public IntakeSaga(
            Recruits recruits,
            IntakeJournal journal,
            JobQueue jobs,
            SuspendedLocations suspended,
            LocationBacklog backlog,
            Clock clock,
            UpsertContactStep contact,
            CreateOpportunityStep opportunity,
            SendIntroStep intro,
            EnrollWorkflowStep enrollment,
            DelegatedEnrollmentConfirmation confirmation,
            UnitOfWork work,
            int enrollmentCallsAtOnce) {
        this.work = work;
        this.enrollment = enrollment;
        this.recruits = recruits;
        this.journal = journal;
        this.jobs = jobs;
        this.suspended = suspended;
        this.backlog = backlog;
        this.clock = clock;
        this.intro = intro;
        this.confirmation = confirmation;
        this.runner = new IntakeStepRunner(
                recruits, journal, clock, suspended, work, Set.of(contact, opportunity, intro, enrollment));
        this.batch = new EnrollmentBatch(
                recruits, journal, suspended, clock, runner, confirmation, work, enrollmentCallsAtOnce);
    }

    /**
     * The enrollment batch of the location, due at {@code at}, at bulk priority (the follow-up phase's): while the
     * location has first phases waiting, they have its budget (they are paced at it, {@link LocationBacklog#turn}).
     */
    public static Job enrollmentJob(LocationId location, Instant at) {
        return new Job(new JobPayload.EnrollLocation(location), at, JobPriority.BULK);
    }

    /**
     * The enrollment batch of a location whose first phases are all due ({@link LocationBacklog#allDue}): ranked with
     * the paced first phases of every location ({@link LocationBacklog#turn}), oldest due first. At bulk priority it
     * waited, the location's whole budget idle, until no location had a first phase due: at the end of an agency's
     * import, seconds per location (50 locations: a 5-second gap in each one's calls). Woken while first phases were
     * still paced, it took a quarter of their budget whenever workers were free, and they fell behind their pace.
     */
    static Job enrollmentJobAfterBacklog(LocationId location, Instant at) {
        return new Job(new JobPayload.EnrollLocation(location), at, JobPriority.SPEED_TO_LEAD, Job.MAX_POSITION);
    }

    /** Runs the location's enrollment batch ({@link EnrollmentBatch}): one commit for the whole batch. */
    public JobOutcome enroll(JobPayload.EnrollLocation job) {
        return batch.run(job.location());
    }

    /**
     * The enrollment sweep: schedules the enrollment batch of every location with a due follow-up untouched for
     * {@link #ENROLLMENT_QUIET} (one query; the jobs in one commit). Returns how many batches it woke.
     */
    public int wakeEnrollments() {
        return work.inOne(() -> {
            Instant now = clock.now();
            int woken = 0;
            for (LocationId location : journal.locationsAwaitingFollowUp(now.minus(ENROLLMENT_QUIET), now)) {
                if (jobs.schedule(enrollmentJob(location, now))) {
                    woken++;
                }
            }
            return woken;
        });
    }

    /** The key under which a recruit's intro text is kept in the message log. */
    public static MessageKey introKey(RecruitId recruit) {
        return SendIntroStep.introKey(recruit);
    }

    /**
     * Schedules the recruit's first phase in its location's turn (unless it is scheduled already), paced behind a
     * large backlog ({@link LocationBacklog#turn}).
     */
    public void start(Recruit recruit, Instant at) {
        journal.open(recruit.id(), at);
        schedule(recruit, IntakePhase.FIRST, at);
    }

    /**
     * The first-phase job of a recruit accepted at {@code at} that is not scheduled yet (a new recruit), in its
     * location's turn: for a store that schedules it in the same commit as the recruit ({@code RecruitAdmissions}).
     */
    public Job firstJob(Recruit recruit, Instant at) {
        LocationBacklog.Turn turn = backlog.turn(recruit, at);
        return new Job(
                new JobPayload.Intake(recruit.id(), IntakePhase.FIRST),
                turn.due(),
                JobPriority.SPEED_TO_LEAD,
                turn.position());
    }

    /**
     * Runs the steps of the job's phase that are not settled yet, in one unit of work: a step's outcome, the next
     * step's start and the follow-up job commit together, right before the next CRM call.
     */
    public JobOutcome advance(JobPayload.Intake job) {
        return work.inOne(() -> advanceInItsPlace(job));
    }

    /**
     * A first phase runs in one of its location's few places ({@link LocationBacklog#tryRun}); when they are taken it
     * runs again once one can have freed, and its worker goes to another location's lead.
     */
    private JobOutcome advanceInItsPlace(JobPayload.Intake job) {
        Optional<Recruit> recruit = recruits.find(job.recruit());
        if (recruit.isEmpty()) {
            return new JobOutcome.GiveUp("no recruit " + job.recruit());
        }
        if (job.phase() != IntakePhase.FIRST) {
            return advanceNow(job, recruit.get(), Optional.empty());
        }
        LocationId location = recruit.get().location();
        Optional<LocationBacklog.Place> place = backlog.tryRun(location);
        if (place.isEmpty()) {
            return new JobOutcome.RunAgainAt(
                    backlog.placeFreeAt(location, clock.now()), "its location runs its most first phases at once");
        }
        try (LocationBacklog.Place held = place.get()) {
            return advanceNow(job, recruit.get(), place);
        }
    }

    /**
     * Runs a job of the recruit's phase; a follow-up job of a recruit of its own ({@code Intake(FOLLOW_UP)}) is one
     * an earlier version scheduled, or one of a trigger tag's (resumed after a crash): it still runs. A first phase
     * holds its location's {@code place}, given back as soon as its calls are made.
     */
    private JobOutcome advanceNow(JobPayload.Intake job, Recruit recruit, Optional<LocationBacklog.Place> place) {
        Instant now = clock.now();
        Optional<String> suspension = suspended.reason(recruit.location());
        if (suspension.isPresent()) {
            return new JobOutcome.RunAgainAt(
                    now.plus(IntakeStepRunner.SUSPENDED_RECHECK), "location suspended: " + suspension.get());
        }
        journal.open(job.recruit(), now);
        JobOutcome outcome = runner.run(recruit, job.phase().steps());
        if (job.phase() == IntakePhase.FOLLOW_UP) {
            confirmation.afterStep(job.recruit());
        }
        if (job.phase() == IntakePhase.FIRST) {
            if (outcome instanceof JobOutcome.Done && !enrollment.callsTheCrm()) {
                // An enrollment delegated to a tag makes no call: nothing to wait behind other leads for, so it is
                // settled now, in this job, instead of in a follow-up job of its own.
                outcome = runner.run(job.recruit(), IntakePhase.FOLLOW_UP.steps());
                confirmation.afterStep(job.recruit());
            }
            if (!(outcome instanceof JobOutcome.RunAgainAt)) {
                backlog.leave(recruit);
            }
            Instant end = clock.now();
            if (outcome instanceof JobOutcome.Done
                    && enrollment.callsTheCrm()
                    && backlog.allDue(recruit.location(), end)) {
                // The enrollment waits in the location's batch (in this job's commit). While the location's first
                // phases are still paced into the future they have its budget, and the batch is not woken: the first
                // phase that ends once they are all due wakes it, ranked with the paced first phases — a second later
                // to gather the last few while several others still run (even when it waited for an earlier
                // recruit's retry), at once when one or none does; a running batch runs again once it ends.
                int othersRunning =
                        place.map(LocationBacklog.Place::releaseCountingOthers).orElse(0);
                Instant wake = backlog.paces(recruit.location()) && othersRunning > GATHER_WHILE_RUNNING
                        ? end.plus(ENROLLMENT_GATHER)
                        : backlog.batchDue(recruit.location(), end);
                jobs.scheduleNoLaterThan(enrollmentJobAfterBacklog(recruit.location(), wake));
            }
        }
        return outcome;
    }

    /** Completes the intro step once a deferred intro was sent, refused or failed (the delivery job's news). */
    public void introSettled(RecruitId recruit, SendOutcome outcome) {
        journal.find(recruit, IntakeStep.SEND_INTRO)
                .ifPresent(record -> runner.settle(record, intro.resultOf(recruit, outcome)));
    }

    /**
     * Schedules the saga of every recruit whose intake is unfinished (at start, after a crash): the recruit's first
     * job while its first phase is open, else its location's enrollment batch.
     */
    public int resumeUnfinished(int limit) {
        Instant now = clock.now();
        int resumed = 0;
        for (RecruitId id : journal.unfinished(limit)) {
            Optional<Recruit> recruit = recruits.find(id);
            if (recruit.isPresent()) {
                boolean firstPhaseOpen = journal.steps(id).stream()
                        .anyMatch(s -> IntakePhase.of(s.step()) == IntakePhase.FIRST
                                && !s.state().waitsOnNothing());
                if (firstPhaseOpen) {
                    schedule(recruit.get(), IntakePhase.FIRST, now);
                } else if (enrollment.callsTheCrm()) {
                    jobs.schedule(enrollmentJob(recruit.get().location(), now));
                } else {
                    // With a trigger tag the enrollment is settled in a job of the recruit's own, as it always was.
                    schedule(recruit.get(), IntakePhase.FOLLOW_UP, now);
                }
                resumed++;
            }
        }
        return resumed;
    }

    private void schedule(Recruit recruit, IntakePhase phase, Instant at) {
        JobPayload.Intake payload = new JobPayload.Intake(recruit.id(), phase);
        if (phase == IntakePhase.FOLLOW_UP) {
            jobs.schedule(new Job(payload, at, JobPriority.BULK));
            return;
        }
        LocationBacklog.Turn turn = backlog.turn(recruit, at);
        Job job = new Job(payload, turn.due(), JobPriority.SPEED_TO_LEAD, turn.position());
        if (!jobs.schedule(job)) {
            backlog.leave(recruit); // already scheduled: it holds its place
        }
    }
}
