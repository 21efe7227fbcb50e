package io.recruitflow.application.jobs;

import io.recruitflow.application.applyghlevent.InboxDispatcher;
import io.recruitflow.application.intakerecruit.IntakeSaga;
import io.recruitflow.application.outreach.MessageSender;
import io.recruitflow.application.outreach.SendOutcome;
import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobHandler;
import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.application.replies.ReplyAnswers;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/** Runs Recruitflow's durable jobs: intake sagas, message deliveries, answers to replies and the inbox sweep. */
@Singleton
public class RecruitflowJobs implements JobHandler {
    static final int SWEEP_BATCH = 200;
    static final Duration SWEEP_IDLE = Duration.ofMillis(250);

    private final IntakeSaga saga;
    private final MessageSender sender;
    private final MessageLog messages;
    private final Recruits recruits;
    private final InboxDispatcher dispatcher;
    private final ReplyAnswers answers;
    private final Clock clock;

    @Inject
    public RecruitflowJobs(
            IntakeSaga saga,
            MessageSender sender,
            MessageLog messages,
            Recruits recruits,
            InboxDispatcher dispatcher,
            ReplyAnswers answers,
            Clock clock) {
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

    @Override
    public JobOutcome run(Job job) {
        JobPayload payload = job.payload();
        if (payload instanceof JobPayload.Intake intake) {
            return saga.advance(intake);
        }
        if (payload instanceof JobPayload.DeliverMessage delivery) {
            return deliver(delivery);
        }
        if (payload instanceof JobPayload.AnswerReply answer) {
            return answers.run(answer);
        }
        // The sweep keeps itself scheduled: right away while there is a backlog, else after a short pause.
        int handled = dispatcher.dispatchDue(SWEEP_BATCH);
        return new JobOutcome.RunAgainAt(
                handled == SWEEP_BATCH ? clock.now() : clock.now().plus(SWEEP_IDLE), "inbox sweep");
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
        if (outcome instanceof SendOutcome.Deferred deferred) {
            return new JobOutcome.RunAgainAt(deferred.until(), deferred.reason());
        }
        if (outcome instanceof SendOutcome.RetryLater later) {
            return new JobOutcome.RunAgainAt(later.at(), later.reason());
        }
        return new JobOutcome.Done();
    }
}
