package io.recruitflow.application.jobs;

import io.recruitflow.application.applyghlevent.InboxDispatcher;
import io.recruitflow.application.intakerecruit.IntakeSaga;
import io.recruitflow.application.outreach.MessageSender;
import io.recruitflow.application.outreach.SendOutcome;
import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobHandler;
import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/** Runs Recruitflow's durable jobs: intake sagas, deferred messages and the inbox sweep. */
@Singleton
public class RecruitflowJobs implements JobHandler {
    /**
     * The id of the one self-renewing inbox sweep job. One job id runs on one worker at a time across every
     * instance, which keeps each contact's events in order.
     */
    public static final String INBOX_SWEEP = "inbox-sweep";

    static final int SWEEP_BATCH = 200;
    static final Duration SWEEP_IDLE = Duration.ofMillis(250);

    private final IntakeSaga saga;
    private final MessageSender sender;
    private final MessageLog messages;
    private final Recruits recruits;
    private final InboxDispatcher dispatcher;
    private final Clock clock;

    @Inject
    public RecruitflowJobs(
            IntakeSaga saga,
            MessageSender sender,
            MessageLog messages,
            Recruits recruits,
            InboxDispatcher dispatcher,
            Clock clock) {
        this.saga = saga;
        this.sender = sender;
        this.messages = messages;
        this.recruits = recruits;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public JobOutcome run(Job job) {
        switch (job.type()) {
            case INTAKE:
                return saga.advance(job.id());
            case DEFERRED_MESSAGE:
                return deferredMessage(new MessageKey(job.id()));
            case INBOX_DISPATCH:
                if (!job.id().equals(INBOX_SWEEP)) {
                    // A wake-up for one stored event: the single sweep applies events in order per contact,
                    // so the event is left to it rather than raced by a second worker.
                    return new JobOutcome.Done();
                }
                int handled = dispatcher.dispatchDue(SWEEP_BATCH);
                // Keeps itself scheduled: right away while there is a backlog, else after a short pause.
                return new JobOutcome.RunAgainAt(
                        handled == SWEEP_BATCH ? clock.now() : clock.now().plus(SWEEP_IDLE), "inbox sweep");
        }
        throw new IllegalStateException("unhandled job type " + job.type());
    }

    private JobOutcome deferredMessage(MessageKey key) {
        Optional<MessageRecord> record = messages.find(key);
        if (record.isEmpty()) {
            return new JobOutcome.GiveUp("no message " + key);
        }
        Optional<RecruitId> introOf = IntakeSaga.recruitOfIntro(key);
        Optional<Recruit> recruit = introOf.isPresent()
                ? recruits.find(introOf.get())
                : recruits.findByContact(record.get().contact());
        if (recruit.isEmpty()) {
            return new JobOutcome.GiveUp("message " + key + " has no recruit");
        }
        SendOutcome outcome = sender.resume(recruit.get(), key);
        introOf.ifPresent(id -> saga.introDelivered(id, outcome));
        if (outcome instanceof SendOutcome.Deferred deferred) {
            return new JobOutcome.RunAgainAt(deferred.until(), deferred.reason());
        }
        if (outcome instanceof SendOutcome.RetryLater later) {
            return new JobOutcome.RunAgainAt(later.at(), later.reason());
        }
        return new JobOutcome.Done();
    }
}
