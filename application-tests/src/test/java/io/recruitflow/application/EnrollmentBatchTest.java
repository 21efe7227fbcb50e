package io.recruitflow.application;

import static io.recruitflow.adapter.inmemory.GhlFaults.Operation.WORKFLOW_ENROLL;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.intakerecruit.IntakeSaga;
import io.recruitflow.application.intakerecruit.LocationBacklog;
import io.recruitflow.application.jobs.RecruitflowJobs;
import io.recruitflow.application.port.CallBudget;
import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.domain.recruit.IntakePhase;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.SuspendedLocations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The follow-up phase of the intakes, in one enrollment batch per location: many recruits per run, one commit per run
 * (counted by the world's {@link CountingUnitOfWork}), each recruit's failure under the retry policy, a location-wide
 * failure stopping the batch, the follow-up jobs of an earlier version still run, a recruit whose first phase ends
 * during a run taken up by the next, and a follow-up no batch took up, caught by the enrollment sweep.
 */
class EnrollmentBatchTest {
    static final String AFTERNOON = "2026-02-12T14:00";

    /** One run of the location's batch: what it answered (a reason left out), and what it cost. */
    record Run(JobOutcome outcome, int commits, int calls) {
        Run {
            if (outcome instanceof JobOutcome.RunAgainAt again) {
                outcome = again(again.at());
            }
        }
    }

    static JobOutcome again(Instant at) {
        return new JobOutcome.RunAgainAt(at, "");
    }

    /** The world, with every run of an enrollment batch recorded (and, when {@code skip} holds, not run). */
    static final class Recorded {
        final World w = new World(AFTERNOON);
        final List<Run> runs = new ArrayList<>();
        final List<Job> handled = new ArrayList<>();
        Predicate<Job> skip = job -> false;
        Runnable afterBatch = () -> {};

        Recorded() {
            w.adapters.jobQueue().bind(job -> {
                handled.add(job);
                if (skip.test(job)) {
                    return new JobOutcome.Done();
                }
                if (!(job.payload() instanceof JobPayload.EnrollLocation)) {
                    return w.jobs.run(job);
                }
                int commits = w.work.commits();
                int calls = w.work.calls();
                JobOutcome outcome = w.jobs.run(job);
                runs.add(new Run(outcome, w.work.commits() - commits, w.work.calls() - calls));
                Runnable after = afterBatch;
                afterBatch = () -> {};
                after.run();
                return outcome;
            });
        }

        private int leads;

        /** {@code n} new leads, each with a phone of its own. */
        List<RecruitId> accept(int n) {
            return IntStream.range(0, n)
                    .map(i -> leads++)
                    .mapToObj(i -> w.accept(
                            World.lead("Lead" + i, "Batch", String.format("407555%04d", i), null, "NY", "Life")))
                    .toList();
        }

        StepRecord enrollment(RecruitId id) {
            return w.adapters
                    .intakeJournal()
                    .find(id, IntakeStep.ENROLL_WORKFLOW)
                    .orElseThrow();
        }

        long followUpJobsEver() {
            return handled.stream()
                    .filter(j -> j.payload() instanceof JobPayload.Intake i && i.phase() == IntakePhase.FOLLOW_UP)
                    .count();
        }
    }

    static boolean isBatch(Job job) {
        return job.payload() instanceof JobPayload.EnrollLocation;
    }

    @Test
    void theRecruitsOfALocationAreEnrolledInOneRunAndOneCommitWithoutAJobEach() {
        Recorded r = new Recorded();
        List<RecruitId> ids = r.accept(5);

        r.w.runJobs();

        assertThat(r.w.ghl.enrollments()).hasSize(5);
        assertThat(ids).allMatch(r.w.intake::isComplete);
        assertThat(r.runs).containsExactly(new Run(new JobOutcome.Done(), 1, 5));
        assertThat(r.followUpJobsEver()).isZero();
        assertThat(r.w.adapters.jobQueue().scheduled()).noneMatch(EnrollmentBatchTest::isBatch);
    }

    /**
     * While a location's first phases are paced into the future they have its budget: no first phase wakes the batch
     * until the last is due, and the one that does ranks it with the paced first phases, so that its enrollments wait
     * neither for the location's own backlog nor for other locations' imports. Ending with no other first phase of the
     * location running, it wakes the batch at once: a wait there would leave the location's budget idle.
     */
    @Test
    void theBatchIsWokenOnceTheLocationsPacedFirstPhasesAreAllDueRankedWithThem() {
        Recorded r = new Recorded();
        r.w.callSpacing = Duration.ofMillis(100); // a first phase every 300 ms beyond the first four
        List<Boolean> batchScheduledAfterEachFirstPhase = new ArrayList<>();
        List<Instant> batchDue = new ArrayList<>();
        r.w.adapters.jobQueue().bind(job -> {
            r.handled.add(job);
            JobOutcome outcome = r.w.jobs.run(job);
            if (job.payload() instanceof JobPayload.Intake) {
                List<Job> batches = r.w.adapters.jobQueue().scheduled().stream()
                        .filter(EnrollmentBatchTest::isBatch)
                        .toList();
                batchScheduledAfterEachFirstPhase.add(!batches.isEmpty());
                batches.forEach(b -> batchDue.add(b.runAt()));
            }
            return outcome;
        });
        List<RecruitId> ids = r.accept(6);
        Instant last = r.w.clock.now().plusMillis(600);

        r.w.runJobs();
        assertThat(batchScheduledAfterEachFirstPhase)
                .as("the four due at once; the two paced ones still to come")
                .containsExactly(false, false, false, false);
        r.w.clock.set(last);
        r.w.runJobs();

        assertThat(batchScheduledAfterEachFirstPhase)
                .as("woken by the first first phase that ended once the last was due")
                .startsWith(false, false, false, false, true);
        assertThat(batchDue).as("at once, not a gather later").first().isEqualTo(last);
        assertThat(r.handled)
                .filteredOn(EnrollmentBatchTest::isBatch)
                .isNotEmpty()
                .allSatisfy(batch -> {
                    assertThat(batch.priority()).isEqualTo(JobPriority.SPEED_TO_LEAD);
                    assertThat(batch.backlogPosition()).isEqualTo(Job.MAX_POSITION);
                });
        assertThat(r.w.ghl.enrollments()).hasSize(6);
        assertThat(ids).allMatch(r.w.intake::isComplete);
    }

    /**
     * A first phase that ends while two others of its location still run (in other workers) wakes the batch a gather
     * later: their calls keep the budget busy meanwhile, and one run then enrolls them all.
     */
    @Test
    void whileSeveralOtherFirstPhasesOfTheLocationRunTheBatchGathersTheLastOnes() {
        Recorded r = new Recorded();
        List<RecruitId> ids = sixPacedLeadsAllDue(r);
        LocationId location = r.w.recruit(ids.get(0)).location();
        // two first phases of the location running in other workers
        LocationBacklog.Place one = r.w.backlog.tryRun(location).orElseThrow();
        LocationBacklog.Place two = r.w.backlog.tryRun(location).orElseThrow();
        Instant last = r.w.clock.now();

        r.w.runJobs();
        assertThat(r.w.ghl.enrollments())
                .as("the batch waits for the ones still running")
                .isEmpty();
        assertThat(batchDue(r)).contains(last.plus(IntakeSaga.ENROLLMENT_GATHER));

        one.close();
        two.close();
        r.w.clock.advance(IntakeSaga.ENROLLMENT_GATHER);
        r.w.runJobs();
        assertThat(r.runs).as("one run for all").hasSize(1);
        assertThat(r.w.ghl.enrollments()).hasSize(6);
        assertThat(ids).allMatch(r.w.intake::isComplete);
    }

    /**
     * With only one other first phase of the location still running, the batch is woken at once: that one's last
     * calls cover the batch's start, so the budget does not idle in between; its enrollment is the next run's.
     */
    @Test
    void withOneOtherFirstPhaseOfTheLocationStillRunningTheBatchIsWokenAtOnce() {
        Recorded r = new Recorded();
        List<RecruitId> ids = sixPacedLeadsAllDue(r);
        LocationBacklog.Place other =
                r.w.backlog.tryRun(r.w.recruit(ids.get(0)).location()).orElseThrow();
        Instant last = r.w.clock.now();
        r.afterBatch = other::close;

        r.w.runJobs();

        assertThat(r.handled)
                .filteredOn(EnrollmentBatchTest::isBatch)
                .first()
                .satisfies(batch -> assertThat(batch.runAt()).isEqualTo(last));
        assertThat(r.w.ghl.enrollments()).hasSize(6);
        assertThat(ids).allMatch(r.w.intake::isComplete);
    }

    /**
     * When the location's last first phases ran late (behind other locations' work), the batch is due where the
     * location's next first phase would have been on its pace, not at the moment the last one ended: it ranks ahead
     * of other locations' first phases due after that, so that its location's budget does not idle while it waits
     * for a worker.
     */
    @Test
    void aBatchWokenLateIsDueWhereTheLocationsNextFirstPhaseWouldHaveBeen() {
        Recorded r = new Recorded();
        r.w.callSpacing = Duration.ofMillis(100);
        List<RecruitId> ids = r.accept(6);
        Instant sixthDue = r.w.clock.now().plusMillis(600);
        r.w.runJobs();
        r.w.clock.set(sixthDue.plusSeconds(2)); // the last two run two seconds late
        List<Instant> batchDue = new ArrayList<>();
        r.w.adapters.jobQueue().bind(job -> {
            r.handled.add(job);
            if (isBatch(job)) {
                batchDue.add(job.runAt());
            }
            return r.w.jobs.run(job);
        });

        r.w.runJobs();

        assertThat(batchDue).first().isEqualTo(sixthDue.plusMillis(300));
        assertThat(r.w.ghl.enrollments()).hasSize(6);
        assertThat(ids).allMatch(r.w.intake::isComplete);
    }

    /** Six leads at 100 ms a call: four first phases run at once, the two paced ones due 300 and 600 ms later. */
    private static List<RecruitId> sixPacedLeadsAllDue(Recorded r) {
        r.w.callSpacing = Duration.ofMillis(100);
        List<RecruitId> ids = r.accept(6);
        Instant last = r.w.clock.now().plusMillis(600);
        r.w.runJobs();
        assertThat(r.w.adapters.jobQueue().scheduled()).noneMatch(EnrollmentBatchTest::isBatch);
        r.w.clock.set(last);
        return ids;
    }

    private static java.util.Optional<Instant> batchDue(Recorded r) {
        return r.w.adapters.jobQueue().scheduled().stream()
                .filter(EnrollmentBatchTest::isBatch)
                .map(Job::runAt)
                .findFirst();
    }

    @Test
    void moreThanABatchAreEnrolledBatchAfterBatchInOneRunOneCommitEach() {
        Recorded r = new Recorded();
        List<RecruitId> ids = r.accept(120);

        r.w.runJobs();

        assertThat(r.w.ghl.enrollments()).hasSize(120);
        assertThat(ids).allMatch(r.w.intake::isComplete);
        // 50, 50 and 20: each batch's outcomes commit right before the next batch's first call, the last at the end.
        assertThat(r.runs).containsExactly(new Run(new JobOutcome.Done(), 3, 120));
    }

    @Test
    void aRunStopsAfterItsLastBatchAndRunsAgainAtOnce() {
        Recorded r = new Recorded();
        List<RecruitId> ids = r.accept(520);

        r.w.runJobs();

        assertThat(ids).allMatch(r.w.intake::isComplete);
        assertThat(r.runs)
                .containsExactly(new Run(again(r.w.clock.now()), 10, 500), new Run(new JobOutcome.Done(), 1, 20));
    }

    @Test
    void oneRecruitsFailureFollowsTheRetryPolicyForThatRecruitAloneInTheSameCommit() {
        Recorded r = new Recorded();
        r.w.ghl.faults().failNext(WORKFLOW_ENROLL, new ExternalFailure.OutcomeUnknown("read timed out"));
        List<RecruitId> ids = r.accept(3);

        r.w.runJobs();

        // The first enrollment timed out; the batch went on with the others and settled all three at once.
        assertThat(r.w.ghl.enrollments()).hasSize(2);
        assertThat(r.runs).hasSize(1);
        assertThat(r.runs.get(0).commits()).isEqualTo(1);
        StepRecord failed = r.enrollment(ids.get(0));
        assertThat(failed.state()).isEqualTo(StepState.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.notBefore()).isPresent();
        assertThat(r.runs.get(0).outcome()).isEqualTo(again(failed.notBefore().get()));
        assertThat(r.enrollment(ids.get(1)).state()).isEqualTo(StepState.DONE);

        r.w.clock.set(failed.notBefore().get());
        r.w.runJobs();

        assertThat(r.w.ghl.enrollments()).hasSize(3);
        assertThat(ids).allMatch(r.w.intake::isComplete);
        assertThat(r.enrollment(ids.get(0)).attempts()).isEqualTo(2);
        assertThat(r.runs.get(1)).isEqualTo(new Run(new JobOutcome.Done(), 1, 1));
    }

    @Test
    void aNewRecruitsEnrollmentDoesNotWaitForAnEarlierRecruitsRetry() {
        Recorded r = new Recorded();
        r.w.ghl.faults().failNext(WORKFLOW_ENROLL, new ExternalFailure.OutcomeUnknown("read timed out"));
        RecruitId first = r.accept(1).get(0);
        r.w.runJobs();
        Instant retry = r.enrollment(first).notBefore().orElseThrow();
        assertThat(r.runs).containsExactly(new Run(again(retry), 1, 1)); // the batch waits for the retry

        RecruitId next = r.accept(1).get(0);
        r.w.runJobs(); // the clock has not moved: the retry is not due yet

        assertThat(r.w.intake.isComplete(next))
                .as("enrolled now, not at the retry")
                .isTrue();
        assertThat(r.w.intake.isComplete(first)).isFalse();
        assertThat(r.runs.get(1)).isEqualTo(new Run(again(retry), 1, 1));

        r.w.clock.set(retry);
        r.w.runJobs();
        assertThat(r.w.intake.isComplete(first)).isTrue();
    }

    @Test
    void aCrashMidBatchLosesNothingTheEnrollmentsAreMadeAgainToNoEffect() {
        Recorded r = new Recorded();
        r.skip = EnrollmentBatchTest::isBatch;
        List<RecruitId> ids = r.accept(3);
        r.w.runJobs();
        r.skip = job -> false;
        r.w.adapters.jobQueue().schedule(IntakeSaga.enrollmentJob(InMemoryGhl.LOCATION, r.w.clock.now()));
        // The process dies during the second call (an Error: nothing on the way catches it, as nothing runs after a
        // kill): the first enrollment happened, nothing was written.
        r.w.whileEnrolling = () -> r.w.whileEnrolling = () -> {
            r.w.whileEnrolling = () -> {};
            throw new ProcessKilled();
        };

        org.assertj.core.api.Assertions.assertThatThrownBy(r.w::runJobs).isInstanceOf(ProcessKilled.class);

        assertThat(r.w.ghl.enrollments()).hasSize(1);
        assertThat(ids).allSatisfy(id -> assertThat(r.enrollment(id).state()).isEqualTo(StepState.PENDING));
        assertThat(r.w.adapters.jobQueue().scheduled()).anyMatch(EnrollmentBatchTest::isBatch); // still scheduled

        r.w.clock.advance(Duration.ofSeconds(1)); // the queue's backoff after a job that threw
        r.w.runJobs();

        assertThat(r.w.ghl.enrollments()).hasSize(3); // the first contact enrolled once, again to no effect
        assertThat(ids).allMatch(r.w.intake::isComplete);
        assertThat(ids).allSatisfy(id -> assertThat(r.enrollment(id).attempts()).isEqualTo(1));
    }

    @Test
    void anUnexpectedFailureOfOneEnrollmentHoldsThatRecruitAloneAndTheBatchGoesOn() {
        Recorded r = new Recorded();
        // Not a CRM failure: a bug, or a store that failed, with a recruit's phone in its message.
        r.w.ghl.faults().failNext(WORKFLOW_ENROLL, () -> new IllegalStateException("no row for +14075550123"));
        List<RecruitId> ids = r.accept(3);

        r.w.runJobs();

        StepRecord held = r.enrollment(ids.get(0));
        assertThat(held.state()).isEqualTo(StepState.PENDING);
        assertThat(held.notBefore()).isPresent();
        assertThat(held.detail())
                .hasValueSatisfying(d -> assertThat(d)
                        .startsWith("unexpected IllegalStateException")
                        .doesNotContain("4075550123"));
        assertThat(ids.subList(1, 3)).allMatch(r.w.intake::isComplete);
        assertThat(r.w.ghl.enrollments()).hasSize(2);

        r.w.clock.advance(Duration.ofSeconds(2)); // the steps' backoff after a first attempt
        r.w.runJobs();

        assertThat(ids).allMatch(r.w.intake::isComplete);
        assertThat(r.w.ghl.enrollments()).hasSize(3);
    }

    /** A kill of the process, in a test: an Error, which no code on the way handles. */
    private static final class ProcessKilled extends Error {
        ProcessKilled() {
            super("killed");
        }
    }

    @Test
    void aRefusalFailsThatRecruitsEnrollmentAndTheBatchGoesOn() {
        Recorded r = new Recorded();
        r.w.ghl.faults().failNext(WORKFLOW_ENROLL, new ExternalFailure.Rejected("contact not found"));
        List<RecruitId> ids = r.accept(3);

        r.w.runJobs();

        assertThat(r.enrollment(ids.get(0)).state()).isEqualTo(StepState.FAILED);
        assertThat(r.enrollment(ids.get(0)).detail()).contains("contact not found");
        assertThat(r.w.ghl.enrollments()).hasSize(2);
        assertThat(r.runs).containsExactly(new Run(new JobOutcome.Done(), 1, 3));
    }

    @Test
    void anUnavailableCrmStopsTheBatchThereUntilItsRetryTime() {
        Recorded r = new Recorded();
        Instant retryAfter = r.w.clock.now().plus(Duration.ofSeconds(30));
        r.w.ghl
                .faults()
                .failNext(
                        WORKFLOW_ENROLL,
                        new ExternalFailure.Unavailable("429 too many requests", retryAfter, null, null));
        List<RecruitId> ids = r.accept(3);

        r.w.runJobs();

        // One call, not three: the throttling holds for the whole location.
        assertThat(r.runs).containsExactly(new Run(again(retryAfter), 1, 1));
        assertThat(r.w.ghl.enrollments()).isEmpty();
        assertThat(r.enrollment(ids.get(0)).notBefore()).contains(retryAfter);
        assertThat(r.enrollment(ids.get(1))).satisfies(s -> {
            assertThat(s.state()).isEqualTo(StepState.PENDING);
            assertThat(s.attempts()).isZero();
        });

        r.w.clock.set(retryAfter);
        r.w.runJobs();

        assertThat(r.w.ghl.enrollments()).hasSize(3);
        assertThat(ids).allMatch(r.w.intake::isComplete);
    }

    @Test
    void aSuspendedLocationsBatchWaitsWithoutACallAndResumesAfterTheReinstall() {
        Recorded r = new Recorded();
        r.skip = EnrollmentBatchTest::isBatch;
        List<RecruitId> ids = r.accept(2);
        r.w.runJobs();
        r.skip = job -> false;
        r.w.suspended.suspend(InMemoryGhl.LOCATION, SuspendedLocations.REINSTALL_REQUIRED);
        r.w.adapters.jobQueue().schedule(IntakeSaga.enrollmentJob(InMemoryGhl.LOCATION, r.w.clock.now()));

        r.w.runJobs();

        assertThat(r.runs).hasSize(1);
        assertThat(r.runs.get(0).calls()).isZero();
        assertThat(r.runs.get(0).outcome()).isInstanceOf(JobOutcome.RunAgainAt.class);
        assertThat(r.w.ghl.enrollments()).isEmpty();

        r.w.suspended.resume(InMemoryGhl.LOCATION);
        r.w.clock.advance(Duration.ofMinutes(5));
        r.w.runJobs();

        assertThat(r.w.ghl.enrollments()).hasSize(2);
        assertThat(ids).allMatch(r.w.intake::isComplete);
    }

    @Test
    void aFailureThatSuspendsTheLocationStopsTheBatch() {
        Recorded r = new Recorded();
        r.w.ghl.faults().failNext(WORKFLOW_ENROLL, () -> {
            r.w.suspended.suspend(InMemoryGhl.LOCATION, SuspendedLocations.REINSTALL_REQUIRED);
            return new ExternalFailure.AccessDenied("refresh token refused");
        });
        List<RecruitId> ids = r.accept(3);

        r.w.runJobs();

        assertThat(r.runs).hasSize(1);
        assertThat(r.runs.get(0).calls()).isEqualTo(1);
        assertThat(r.runs.get(0).outcome()).isInstanceOf(JobOutcome.RunAgainAt.class);
        assertThat(r.enrollment(ids.get(0)).detail().orElseThrow()).startsWith("location suspended");
        assertThat(r.enrollment(ids.get(2)).attempts()).isZero();
    }

    @Test
    void aFollowUpJobOfAnEarlierVersionStillEnrollsItsRecruit() {
        Recorded r = new Recorded();
        r.skip = EnrollmentBatchTest::isBatch; // the upgrade: no batch yet, a follow-up job in the table
        RecruitId id = r.accept(1).get(0);
        r.w.runJobs();
        assertThat(r.w.intake.isComplete(id)).isFalse();
        r.skip = job -> false;
        r.w.adapters
                .jobQueue()
                .schedule(new Job(new JobPayload.Intake(id, IntakePhase.FOLLOW_UP), r.w.clock.now(), JobPriority.BULK));

        r.w.runJobs();

        assertThat(r.followUpJobsEver()).isEqualTo(1);
        assertThat(r.w.ghl.enrollments()).hasSize(1);
        assertThat(r.w.intake.isComplete(id)).isTrue();
    }

    @Test
    void resumingSchedulesOneBatchForTheRecruitsWhoseOnlyOpenPhaseIsTheFollowUp() {
        Recorded r = new Recorded();
        r.skip = EnrollmentBatchTest::isBatch; // a crash after the first phases: the batch never ran
        List<RecruitId> ids = r.accept(3);
        r.w.runJobs();
        r.skip = job -> false;

        assertThat(r.w.saga.resumeUnfinished(100)).isEqualTo(3);

        assertThat(r.w.adapters.jobQueue().scheduled())
                .extracting(Job::payload)
                .containsExactly(new JobPayload.EnrollLocation(InMemoryGhl.LOCATION));
        r.w.runJobs();
        assertThat(r.runs).containsExactly(new Run(new JobOutcome.Done(), 1, 3));
        assertThat(ids).allMatch(r.w.intake::isComplete);
    }

    @Test
    void nearTheDailyLimitTheBatchWaitsForTheResetAsFollowUpsDo() {
        Recorded r = new Recorded();
        Instant reset = r.w.clock.now().plus(Duration.ofHours(5));
        r.w.callBudgets.put(InMemoryGhl.LOCATION, new CallBudget(100, 100, Duration.ofSeconds(10), 1_000, 50, reset));
        List<RecruitId> ids = r.accept(2);

        r.w.runJobs();

        assertThat(r.w.ghl.sentMessages()).hasSize(2);
        assertThat(r.w.ghl.enrollments()).isEmpty();
        assertThat(r.w.adapters.jobQueue().scheduled())
                .filteredOn(EnrollmentBatchTest::isBatch)
                .extracting(Job::runAt)
                .containsExactly(reset);

        r.w.clock.set(reset.plusSeconds(1));
        r.w.runJobs();

        assertThat(r.w.ghl.enrollments()).hasSize(2);
        assertThat(ids).allMatch(r.w.intake::isComplete);
    }

    @Test
    void aRecruitWhoseFirstPhaseEndsDuringTheBatchsCallsIsTakenUpByTheNextRun() {
        Recorded r = new Recorded();
        List<RecruitId> late = new ArrayList<>();
        r.w.whileEnrolling = () -> {
            r.w.whileEnrolling = () -> {};
            // During the batch's first call, another recruit's first job runs to its end: its wake-up finds the
            // batch's job running, and asks it to run again.
            late.addAll(r.accept(1));
            r.w.runJobs();
        };
        RecruitId first = r.accept(1).get(0);

        r.w.runJobs();

        // The second run is the one the late recruit asked for. (The first run's commits also count the late
        // recruit's own job, run inside the call here.)
        assertThat(r.runs)
                .extracting(Run::outcome, Run::calls)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(new JobOutcome.Done(), 1),
                        org.assertj.core.groups.Tuple.tuple(new JobOutcome.Done(), 1));
        assertThat(r.w.intake.isComplete(first)).isTrue();
        assertThat(r.w.intake.isComplete(late.get(0))).isTrue();
        assertThat(r.w.adapters.jobQueue().scheduled()).noneMatch(EnrollmentBatchTest::isBatch);
    }

    /**
     * The race the CI caught (IntakeBudgetE2eTest, one enrollment pending for a minute): a recruit's first phase ends
     * after its location's batch looked and found nothing, before the batch's job ended. The job, asked to run again
     * while it ran, runs again at once and enrolls the recruit; nothing waits for the sweep.
     */
    @Test
    void aRecruitWhoseFirstPhaseEndsWhileTheBatchIsEndingIsEnrolledByTheNextRunAtOnce() {
        Recorded r = new Recorded();
        List<RecruitId> late = new ArrayList<>();
        r.w.adapters.jobQueue().schedule(IntakeSaga.enrollmentJob(InMemoryGhl.LOCATION, r.w.clock.now()));
        r.afterBatch = () -> {
            // The batch found nothing and answered Done; before the queue ends its job, a recruit's first job runs to
            // its end (on the same queue, nested: the batch's job is still there, running).
            late.addAll(r.accept(1));
            r.w.runJobs();
        };

        r.w.runJobs();

        assertThat(r.runs).containsExactly(new Run(new JobOutcome.Done(), 0, 0), new Run(new JobOutcome.Done(), 1, 1));
        assertThat(r.w.intake.isComplete(late.get(0))).isTrue();
        assertThat(r.w.adapters.jobQueue().scheduled()).noneMatch(EnrollmentBatchTest::isBatch);
    }

    /**
     * The safety net: a follow-up that no batch takes up (here its batch's job is dropped unrun, as a job removed by
     * hand or one an earlier version's batch ended over) is enrolled once the enrollment sweep finds it a minute old.
     */
    @Test
    void aFollowUpNoBatchTookUpIsEnrolledAfterTheSweep() {
        Recorded r = new Recorded();
        r.skip = EnrollmentBatchTest::isBatch;
        RecruitId id = r.accept(1).get(0);

        r.w.runJobs();

        assertThat(r.w.ghl.sentMessages()).hasSize(1);
        assertThat(r.w.intake.isComplete(id)).isFalse();
        assertThat(r.w.adapters.jobQueue().scheduled()).isEmpty(); // no batch left to take it up

        r.skip = job -> false;
        r.w.adapters.jobQueue().schedule(RecruitflowJobs.enrollmentSweep(r.w.clock));
        r.w.runJobs();
        assertThat(r.w.ghl.enrollments())
                .as("too soon: the first phase just ended")
                .isEmpty();

        r.w.clock.advance(IntakeSaga.ENROLLMENT_QUIET.plusSeconds(1));
        r.w.runJobs();

        assertThat(r.w.ghl.enrollments()).hasSize(1);
        assertThat(r.w.intake.isComplete(id)).isTrue();
        assertThat(r.w.adapters.jobQueue().scheduled())
                .extracting(Job::payload)
                .containsExactly(new JobPayload.SweepEnrollments()); // the sweep keeps itself scheduled
    }
}
