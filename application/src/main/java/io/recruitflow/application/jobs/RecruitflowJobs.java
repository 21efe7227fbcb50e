package io.recruitflow.application.jobs;

import io.recruitflow.application.applyghlevent.InboxDispatcher;
import io.recruitflow.application.intakerecruit.IntakeSaga;
import io.recruitflow.application.nurture.Nurture;
import io.recruitflow.application.outbound.OutboundDispatcher;
import io.recruitflow.application.outreach.MessageSender;
import io.recruitflow.application.outreach.SendOutcome;
import io.recruitflow.application.port.CallBudget;
import io.recruitflow.application.port.CallBudgets;
import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobHandler;
import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.application.replies.ReplyAnswers;
import io.recruitflow.application.stalls.StalledRecruits;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.recruit.IntakePhase;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs Recruitflow's durable jobs: intake sagas and the locations' enrollment batches, message deliveries, answers
 * to replies, the inbox, stall and enrollment sweeps and the delivery of outbound events.
 *
 * <p>Before a job that calls the CRM for a recruit, it looks at the location's daily quota ({@link CallBudgets},
 * what the CRM last declared; no call is made to look): once the remaining is down to the {@link DailyReserve},
 * follow-up work (bulk jobs: the workflow enrollment, texts other than the intro) waits for the daily reset, so
 * what is left goes to new leads' intros; once the quota is spent, every such job waits for the reset instead of
 * being answered "limit reached". While no location is low, nothing is looked up.
 */
@Singleton
public class RecruitflowJobs implements JobHandler {
    static final int SWEEP_BATCH = 200;
    static final Duration SWEEP_IDLE = Duration.ofMillis(250);
    /** How long the outbound delivery job waits when nothing was due: an event waits at most this for its send. */
    static final Duration OUTBOUND_IDLE = Duration.ofSeconds(1);

    private final IntakeSaga saga;
    private final MessageSender sender;
    private final MessageLog messages;
    private final Recruits recruits;
    private final InboxDispatcher dispatcher;
    private final ReplyAnswers answers;
    private final Clock clock;
    private final CallBudgets budgets;
    private final DailyReserve reserve;
    private final OutboundDispatcher outbound;
    private final Optional<StalledRecruits> stalls;
    private final Optional<Nurture> nurture;

    /**
     * @param nurture runs the nurture steps' jobs and hears what became of their deferred messages; null for none
     * @param stalls runs the stall sweep; null for none
     */
    @Inject
    public RecruitflowJobs(
            IntakeSaga saga,
            MessageSender sender,
            MessageLog messages,
            Recruits recruits,
            InboxDispatcher dispatcher,
            ReplyAnswers answers,
            Clock clock,
            CallBudgets budgets,
            DailyReserve reserve,
            OutboundDispatcher outbound,
            Nurture nurture,
            StalledRecruits stalls) {
        this.outbound = outbound;
        this.nurture = Optional.ofNullable(nurture);
        this.stalls = Optional.ofNullable(stalls);
        this.budgets = budgets;
        this.reserve = reserve;
        this.saga = saga;
        this.sender = sender;
        this.messages = messages;
        this.recruits = recruits;
        this.dispatcher = dispatcher;
        this.answers = answers;
        this.clock = clock;
    }

    /** The inbox sweep, due now: wakes the one sweep job, or does nothing when it is scheduled already. */
    public static Job inboxSweep(Clock clock) {
        return new Job(new JobPayload.SweepInbox(), clock.now(), JobPriority.EVENTS);
    }

    /** How often the enrollment sweep looks for follow-ups no location's batch took up. */
    static final Duration ENROLLMENT_SWEEP_EVERY = Duration.ofMinutes(1);

    /** The enrollment sweep, due now: wakes the one sweep job, or does nothing when it is scheduled already. */
    public static Job enrollmentSweep(Clock clock) {
        return new Job(new JobPayload.SweepEnrollments(), clock.now(), JobPriority.BULK);
    }

    /** The stall sweep, due now: wakes the one sweep job, or does nothing when it is scheduled already. */
    public static Job stallSweep(Clock clock) {
        return new Job(new JobPayload.SweepStalls(), clock.now(), JobPriority.BULK);
    }

    @Override
    public JobOutcome run(Job job) {
        Optional<JobOutcome> waiting = waitForTheDailyReset(job);
        if (waiting.isPresent()) {
            return waiting.get();
        }
        JobPayload payload = job.payload();
        if (payload instanceof JobPayload.Intake intake) {
            return saga.advance(intake);
        }
        if (payload instanceof JobPayload.EnrollLocation enrollments) {
            return saga.enroll(enrollments);
        }
        if (payload instanceof JobPayload.SweepEnrollments) {
            int woken = saga.wakeEnrollments();
            return new JobOutcome.RunAgainAt(
                    clock.now().plus(ENROLLMENT_SWEEP_EVERY), "enrollment sweep: " + woken + " woken");
        }
        if (payload instanceof JobPayload.DeliverMessage delivery) {
            return deliver(delivery);
        }
        if (payload instanceof JobPayload.AnswerReply answer) {
            return answers.run(answer);
        }
        if (payload instanceof JobPayload.DeliverEvents) {
            // Keeps itself scheduled, as the inbox sweep: right away while there is a backlog, else after a pause.
            int sent = outbound.deliverDue(OutboundDispatcher.BATCH);
            return new JobOutcome.RunAgainAt(
                    sent > 0 ? clock.now() : clock.now().plus(OUTBOUND_IDLE), "outbound events");
        }
        if (payload instanceof JobPayload.SweepStalls) {
            if (stalls.isEmpty()) {
                return new JobOutcome.GiveUp("stall sweep with no stall watch wired");
            }
            int announced = stalls.get().sweep();
            return new JobOutcome.RunAgainAt(
                    clock.now().plus(stalls.get().settings().every()), "stall sweep: " + announced + " new");
        }
        if (payload instanceof JobPayload.NurtureStep step) {
            return nurture.map(n -> n.run(step))
                    .orElseGet(() -> new JobOutcome.GiveUp("nurture step " + step.step() + " with no nurture wired"));
        }
        // The sweep keeps itself scheduled: right away while there is a backlog, else after a short pause.
        int handled = dispatcher.dispatchDue(SWEEP_BATCH);
        return new JobOutcome.RunAgainAt(
                handled == SWEEP_BATCH ? clock.now() : clock.now().plus(SWEEP_IDLE), "inbox sweep");
    }

    /** Whether the job waits for its location's daily reset (see the class comment), and until when. */
    private Optional<JobOutcome> waitForTheDailyReset(Job job) {
        Optional<RecruitId> recruit = recruitOf(job.payload());
        Optional<LocationId> location =
                job.payload() instanceof JobPayload.EnrollLocation e ? Optional.of(e.location()) : Optional.empty();
        if (recruit.isEmpty() && location.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.now();
        boolean followUp = followUp(job);
        boolean anyLow = budgets.known().values().stream()
                .anyMatch(b ->
                        (followUp ? reserve.followUpsDeferredUntil(b, now) : reserve.spentUntil(b, now)).isPresent());
        if (!anyLow) {
            return Optional.empty();
        }
        // A location's enrollment batch names its location; every other job its recruit.
        Optional<CallBudget> budget = location.or(
                        () -> recruit.flatMap(recruits::find).map(Recruit::location))
                .flatMap(budgets::of);
        if (budget.isEmpty()) {
            return Optional.empty();
        }
        CallBudget b = budget.get();
        Optional<Instant> spent = reserve.spentUntil(b, now);
        if (spent.isPresent()) {
            return Optional.of(new JobOutcome.RunAgainAt(
                    spent.get(), "daily CRM quota spent (0 of " + b.dailyMax() + " left): waits until " + spent.get()));
        }
        if (followUp) {
            Optional<Instant> deferred = reserve.followUpsDeferredUntil(b, now);
            if (deferred.isPresent()) {
                return Optional.of(new JobOutcome.RunAgainAt(
                        deferred.get(),
                        "daily CRM quota low (" + b.dailyRemaining() + " of " + b.dailyMax() + " left, reserve "
                                + reserve + " kept for intros): follow-ups deferred until " + deferred.get()));
            }
        }
        return Optional.empty();
    }

    /** Follow-up work: bulk jobs, except the delivery of an intro held earlier (an intro is never deferred). */
    private static boolean followUp(Job job) {
        if (job.payload() instanceof JobPayload.DeliverMessage d) {
            return !d.message().equals(IntakeSaga.introKey(d.recruit()));
        }
        if (job.payload() instanceof JobPayload.Intake intake) {
            return intake.phase() == IntakePhase.FOLLOW_UP;
        }
        if (job.payload() instanceof JobPayload.EnrollLocation) {
            return true;
        }
        return job.priority() == JobPriority.BULK;
    }

    private static Optional<RecruitId> recruitOf(JobPayload payload) {
        if (payload instanceof JobPayload.Intake intake) {
            return Optional.of(intake.recruit());
        }
        if (payload instanceof JobPayload.DeliverMessage delivery) {
            return Optional.of(delivery.recruit());
        }
        if (payload instanceof JobPayload.AnswerReply answer) {
            return Optional.of(answer.recruit());
        }
        if (payload instanceof JobPayload.NurtureStep step) {
            return Optional.of(step.recruit());
        }
        return Optional.empty();
    }

    private JobOutcome deliver(JobPayload.DeliverMessage job) {
        if (messages.find(job.message()).isEmpty()) {
            return new JobOutcome.GiveUp("no message " + job.message());
        }
        Optional<Recruit> recruit = recruits.find(job.recruit());
        if (recruit.isEmpty()) {
            return new JobOutcome.GiveUp("message " + job.message() + " has no recruit");
        }
        SendOutcome outcome = sender.resume(recruit.get(), job.message());
        if (job.message().equals(IntakeSaga.introKey(job.recruit()))) {
            saga.introSettled(job.recruit(), outcome);
        }
        if (Nurture.isStep(job.message())) {
            nurture.ifPresent(n -> n.messageSettled(job.message(), outcome));
        }
        if (outcome instanceof SendOutcome.Deferred deferred) {
            return new JobOutcome.RunAgainAt(deferred.until(), deferred.reason());
        }
        if (outcome instanceof SendOutcome.RetryLater later) {
            return new JobOutcome.RunAgainAt(later.at(), later.reason());
        }
        return new JobOutcome.Done();
    }
}
