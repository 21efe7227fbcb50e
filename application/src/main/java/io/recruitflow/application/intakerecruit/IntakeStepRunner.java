package io.recruitflow.application.intakerecruit;

import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.UnitOfWork;
import io.recruitflow.application.retry.RetryPolicy;
import io.recruitflow.application.setup.LocationSetup;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.SuspendedLocations;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs intake steps with one journal discipline and one failure policy for all of them: each step that is not
 * {@linkplain IntakeStepAction#repeatable() repeatable} is journaled as started before it acts, and every step
 * with its result after — in the job's {@link UnitOfWork}, committed right before each CRM call, so that a step's
 * outcome, the next step's start and any job scheduled commit together; a CRM failure goes through the {@link
 * RetryPolicy}, unless it left the location suspended (then the step waits for the suspension to be lifted
 * instead of spending its remaining attempts); a step that cannot succeed stops the saga and settles the steps after it as
 * skipped.
 */
final class IntakeStepRunner {
    /** How long a step waits when the CRM account does not match the configuration yet. */
    static final Duration SETUP_RECHECK = Duration.ofMinutes(5);
    /** How long the intake of a suspended location waits before it looks again. */
    static final Duration SUSPENDED_RECHECK = Duration.ofMinutes(5);

    private final Recruits recruits;
    private final IntakeJournal journal;
    private final Clock clock;
    private final SuspendedLocations suspended;
    private final UnitOfWork work;
    private final Map<IntakeStep, IntakeStepAction> actions = new EnumMap<>(IntakeStep.class);

    IntakeStepRunner(
            Recruits recruits,
            IntakeJournal journal,
            Clock clock,
            SuspendedLocations suspended,
            UnitOfWork work,
            Set<IntakeStepAction> steps) {
        this.work = work;
        this.recruits = recruits;
        this.journal = journal;
        this.clock = clock;
        this.suspended = suspended;
        steps.forEach(s -> actions.put(s.step(), s));
        for (IntakeStep step : IntakeStep.values()) {
            if (!actions.containsKey(step)) {
                throw new IllegalArgumentException("no action for intake step " + step);
            }
        }
    }

    /**
     * Runs the steps that are not settled yet, in order; stops at the first that must wait. A step that failed for
     * good settles the steps that need it as skipped; the others still run ({@link IntakeStep#needs}).
     */
    JobOutcome run(RecruitId id, List<IntakeStep> steps) {
        return run(id, Optional.empty(), steps);
    }

    /**
     * As {@link #run(RecruitId, List)}, for a recruit the job read at its start in this unit of work: the first step
     * to act takes it as it is (nothing was committed or called since), the ones after read it afresh.
     */
    JobOutcome run(Recruit known, List<IntakeStep> steps) {
        return run(known.id(), Optional.of(known), steps);
    }

    private JobOutcome run(RecruitId id, Optional<Recruit> known, List<IntakeStep> steps) {
        Optional<Recruit> unread = known;
        Optional<JobOutcome> failed = Optional.empty();
        for (IntakeStep step : steps) {
            Instant now = clock.now();
            StepRecord record = journal.find(id, step).orElseGet(() -> StepRecord.pending(id, step, now));
            if (record.state().waitsOnNothing()) {
                continue;
            }
            if (record.notBefore().filter(now::isBefore).isPresent()) {
                return new JobOutcome.RunAgainAt(
                        record.notBefore().get(), record.detail().orElse("waiting"));
            }
            Recruit recruit = unread.orElseGet(() -> recruits.find(id).orElseThrow());
            unread = Optional.empty();
            StepRecord started = record.started(now);
            IntakeStepAction action = actions.get(step);
            if (!action.repeatable()) {
                // A step that must reconcile after a crash is durably started before it acts; a repeatable one
                // (an upsert, an enrollment) is simply done again, and its start rides on its outcome's commit.
                journal.save(started);
            }
            // Whatever this unit of work wrote so far (the last step's outcome, this start) is durable before the
            // CRM is called; the outcome of the call then commits with the next step's start. A step that commits
            // right before its own calls (the intro: its text's SENDING mark) takes this start into that commit.
            if (!action.commitsBeforeItsCalls()) {
                work.commitWritten();
            }
            Optional<JobOutcome> stop =
                    settle(started, attempt(action, recruit, record, started).result());
            if (stop.isPresent() && stop.get() instanceof JobOutcome.GiveUp) {
                failed = failed.or(() -> stop);
            } else if (stop.isPresent()) {
                return stop.get();
            }
        }
        return failed.orElseGet(JobOutcome.Done::new);
    }

    /** Journals a step's result; a non-empty answer stops the saga for now. */
    Optional<JobOutcome> settle(StepRecord record, StepResult result) {
        Instant now = clock.now();
        if (result instanceof StepResult.Done done) {
            journal.save(record.done(done.ref(), done.detail(), now));
        } else if (result instanceof StepResult.Deferred deferred) {
            journal.save(record.deferred(deferred.until(), deferred.reason(), now));
        } else if (result instanceof StepResult.Skipped skipped) {
            journal.save(record.skipped(skipped.reason(), now));
        } else if (result instanceof StepResult.RetryAt retry) {
            journal.save(
                    retry.mayHaveHappened()
                            ? record.unknown(retry.reason(), now)
                            : record.retryAt(retry.at(), retry.reason(), now));
            return Optional.of(new JobOutcome.RunAgainAt(retry.at(), record.step() + ": " + retry.reason()));
        } else {
            String reason = ((StepResult.Failed) result).reason();
            journal.save(record.failed(reason, now));
            skipAfter(record, now);
            return Optional.of(new JobOutcome.GiveUp(record.step() + " failed: " + reason));
        }
        return Optional.empty();
    }

    /**
     * One attempt at a step, and what it says of the location: whether the failure holds for every recruit of it
     * (the location is suspended, or the CRM is unavailable or throttling), so that a batch of the location's
     * recruits stops there instead of failing the same way for each.
     */
    record Attempt(StepResult result, boolean locationWide) {}

    /**
     * Attempts the step for the recruit under the failure policy, journaling nothing: the caller {@linkplain #settle
     * settles} the result (a batch after its last call, so that all its outcomes commit together).
     *
     * @param previous the step's journal entry before this attempt
     * @param started {@code previous} {@linkplain StepRecord#started started}: its attempts count this one
     */
    Attempt attempt(IntakeStep step, Recruit recruit, StepRecord previous, StepRecord started) {
        return attempt(actions.get(step), recruit, previous, started);
    }

    private Attempt attempt(IntakeStepAction action, Recruit recruit, StepRecord previous, StepRecord started) {
        try {
            return new Attempt(action.perform(recruit, previous), false);
        } catch (ExternalFailure failure) {
            Optional<String> suspension = suspended.reason(recruit.location());
            if (suspension.isPresent()) {
                // The failure suspended the location (GHL refused its refresh token): wait for the reinstall
                // instead of spending the step's attempts on calls that cannot succeed before it.
                return new Attempt(
                        new StepResult.RetryAt(
                                clock.now().plus(SUSPENDED_RECHECK),
                                "location suspended: " + suspension.get(),
                                failure instanceof ExternalFailure.OutcomeUnknown),
                        true);
            }
            boolean locationWide = failure instanceof ExternalFailure.Unavailable;
            RetryPolicy.Next next = RetryPolicy.after(failure, started.attempts(), clock.now());
            if (next instanceof RetryPolicy.Next.RetryAt retry) {
                return new Attempt(
                        new StepResult.RetryAt(retry.at(), retry.reason(), retry.reconcileFirst()), locationWide);
            }
            return new Attempt(new StepResult.Failed(((RetryPolicy.Next.GiveUp) next).reason()), locationWide);
        } catch (LocationSetup.SetupException e) {
            return new Attempt(new StepResult.RetryAt(clock.now().plus(SETUP_RECHECK), e.getMessage(), false), true);
        }
    }

    /**
     * A step that failed for good stops the saga for the steps that need it: they will never run, so they are
     * settled as skipped. Left pending, the intake would never count as complete ({@code import --wait} would wait
     * forever) and every start would resume it and run the later steps after all.
     */
    private void skipAfter(StepRecord failed, Instant now) {
        for (StepRecord s : journal.steps(failed.recruit())) {
            if (s.step().needs(failed.step()) && !s.state().settled()) {
                journal.save(s.skipped("not run: " + failed.step() + " failed", now));
            }
        }
    }
}
