package io.recruitflow.application.nurture;

import io.recruitflow.application.advancerecruit.AdvanceRecruitUseCase;
import io.recruitflow.application.advancerecruit.AdvanceResult;
import io.recruitflow.application.outreach.MessageSender;
import io.recruitflow.application.outreach.RecipientProfile;
import io.recruitflow.application.outreach.RecruitPlaceholders;
import io.recruitflow.application.outreach.SendOutcome;
import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.OutgoingMessage;
import io.recruitflow.domain.nurture.Cadence;
import io.recruitflow.domain.nurture.CadenceStep;
import io.recruitflow.domain.nurture.NurtureEvent;
import io.recruitflow.domain.nurture.NurtureStep;
import io.recruitflow.domain.nurture.NurtureSteps;
import io.recruitflow.domain.nurture.OwnerAlert;
import io.recruitflow.domain.nurture.OwnerAlerts;
import io.recruitflow.domain.nurture.StepMessage;
import io.recruitflow.domain.nurture.StepStatus;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recruitflow's own follow-ups: plans nurture steps, runs each when it is due (a message through the {@link
 * MessageSender}, so under the compliance engine and at most once per step; or an action), cancels them when news
 * makes them pointless, and runs the cadences of {@link NurtureSettings} — one step after the other, then rest.
 *
 * <p>Every step is durable: stored in {@link NurtureSteps} and done by a job ({@link JobPayload.NurtureStep}); a
 * deferred message continues on its delivery job, which reports back through {@link #messageSettled}. After a crash
 * a step's job runs again and its message is reconciled by the sender (never two copies). A finished step's job
 * plans the run's next step again (idempotent), so a crash between the two loses nothing.
 */
@Singleton
public class Nurture {
    private final NurtureSteps steps;
    private final Recruits recruits;
    private final OpportunityMirror mirror;
    private final MessageSender sender;
    private final JobQueue jobs;
    private final RecipientProfile recipients;
    private final RecruitingSettings recruiting;
    private final NurtureSettings settings;
    private final OwnerAlerts alerts;
    private final Set<NurtureListener> listeners;
    private final Map<String, StepAction> actions;
    private final AdvanceRecruitUseCase advance;
    private final Clock clock;

    @Inject
    public Nurture(
            NurtureSteps steps,
            Recruits recruits,
            OpportunityMirror mirror,
            MessageSender sender,
            JobQueue jobs,
            RecipientProfile recipients,
            RecruitingSettings recruiting,
            NurtureSettings settings,
            OwnerAlerts alerts,
            Set<NurtureListener> listeners,
            Set<StepAction> actions,
            AdvanceRecruitUseCase advance,
            Clock clock) {
        this.steps = steps;
        this.recruits = recruits;
        this.mirror = mirror;
        this.sender = sender;
        this.jobs = jobs;
        this.recipients = recipients;
        this.recruiting = recruiting;
        this.settings = settings;
        this.alerts = alerts;
        this.listeners = Set.copyOf(listeners);
        Map<String, StepAction> byName = new HashMap<>();
        for (StepAction a : actions) {
            if (a.name().equals(NurtureStep.SEND) || a.name().equals(NurtureStep.REST)) {
                throw new IllegalArgumentException("step action name " + a.name() + " is reserved");
            }
            if (byName.put(a.name(), a) != null) {
                throw new IllegalArgumentException("two step actions are named " + a.name());
            }
        }
        this.actions = Map.copyOf(byName);
        this.advance = advance;
        this.clock = clock;
    }

    public NurtureSettings settings() {
        return settings;
    }

    /** Whether the message is a nurture step's. */
    public static boolean isStep(MessageKey key) {
        return key.value().startsWith(NurtureStep.KEY_PREFIX);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The API: plan a step, cancel steps

    /**
     * Plans the step (once per key) and schedules its job at its due time; returns the stored step (cancelled
     * already when news stored since its origin cancels it).
     */
    public NurtureStep plan(NurtureStep step) {
        NurtureStep stored = steps.plan(step);
        if (stored.status().open()) {
            schedule(stored);
        }
        return stored;
    }

    /**
     * Stores the news and cancels the recruit's open steps it concerns; tells of the cadence runs it ended. With the
     * cadences off, news of a recruit who has no step is not kept (no write per event where nothing is nurtured).
     */
    public List<NurtureStep> cancel(RecruitId recruit, NurtureEvent event) {
        if (!settings.enabled() && steps.ofRecruit(recruit).isEmpty()) {
            // Cadences off and nothing planned for the recruit: no news to keep, no write per event.
            return List.of();
        }
        List<NurtureStep> changed = steps.cancel(recruit, event, clock.now());
        Map<String, NurtureStep> runs = new LinkedHashMap<>();
        for (NurtureStep s : changed) {
            if (s.kind().equals(Cadence.KIND)) {
                runs.putIfAbsent(runOf(s), s);
            }
        }
        runs.forEach((run, s) -> tell(new NurtureNotice.CadenceEnded(
                s.sequence(),
                run,
                s.recruit(),
                s.location(),
                NurtureNotice.Ending.CANCELLED,
                s.reason().orElse("cancelled: " + event.why()),
                clock.now())));
        return changed;
    }

    /** Every step of the recruit, as planned (oldest first). */
    public List<NurtureStep> stepsOf(RecruitId recruit) {
        return steps.ofRecruit(recruit);
    }

    /**
     * A reply that matters (not an opt-out): the owner is alerted and listeners told. The cadences were cancelled
     * when the reply was stored ({@link NurtureEvent.Kind#REPLIED}).
     */
    public void replied(Recruit recruit, String replyId, Instant at, String outcome) {
        alerts.record(new OwnerAlert(
                "replied/" + replyId,
                recruit.id(),
                recruit.location(),
                "replied",
                "The recruit replied: " + outcome + ". Answer them in GHL's conversation.",
                at));
        tell(new NurtureNotice.Replied(replyId, recruit.id(), recruit.location(), at, outcome));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Cadences

    /**
     * The recruit entered {@code stage} at {@code at} (for Contacted: the intro went out): the stage's cadence
     * starts, unless nurture is off, the recruit opted out or is further along, or the recruit had it already (a
     * cadence runs once per recruit).
     */
    public void stageEntered(RecruitId recruit, RecruitingStage stage, Instant at) {
        if (!settings.enabled()) {
            return;
        }
        settings.cadenceFor(stage).ifPresent(c -> start(c, recruit, at));
    }

    private void start(Cadence cadence, RecruitId id, Instant at) {
        Optional<Recruit> found = recruits.find(id);
        if (found.isEmpty() || found.get().consent().optedOut()) {
            return;
        }
        Recruit recruit = found.get();
        Optional<RecruitingStage> now =
                recruit.contactId().flatMap(mirror::findByContact).map(Opportunity::stage);
        if (now.filter(cadence.stage()::isBefore).isPresent()) {
            return;
        }
        // Once per recruit: a recruit who comes back to the stage after the cadence ended or was stopped (a reply, a
        // booking) does not get it again. The run's key is fixed, so two starts at once plan one run, and a start
        // repeated after a crash (between the plan and its job) schedules the stored first step again.
        String run = "r1";
        plan(cadenceStep(cadence, recruit, run, 1, at, at));
    }

    /** Step {@code index} of a run (1..n: messages; n + 1: the rest), due no earlier than {@code notBefore}. */
    private NurtureStep cadenceStep(
            Cadence cadence, Recruit recruit, String run, int index, Instant origin, Instant notBefore) {
        ZoneId zone = recipients.displayZoneOf(recruit);
        String key = NurtureStep.key(Cadence.KIND, cadence.name(), recruit.id(), run, index);
        Instant now = clock.now();
        if (index > cadence.steps().size()) {
            Instant last =
                    cadence.steps().get(cadence.steps().size() - 1).timing().dueAt(origin, zone);
            Instant due = max(last, notBefore).plus(cadence.rest().after());
            return NurtureStep.planned(
                    key,
                    recruit.id(),
                    recruit.location(),
                    Cadence.KIND,
                    cadence.name(),
                    index,
                    NurtureStep.REST,
                    Optional.empty(),
                    due,
                    Optional.of(cadence.stage()),
                    Optional.empty(),
                    Cadence.CANCELLED_BY,
                    origin,
                    now);
        }
        CadenceStep step = cadence.steps().get(index - 1);
        Instant due = max(step.timing().dueAt(origin, zone), notBefore);
        Map<String, String> values = RecruitPlaceholders.of(recruit);
        StepMessage message = recruit.phone().isPresent()
                ? StepMessage.text(step.text().render(values))
                : StepMessage.email(
                        step.emailSubject().render(values), step.emailBody().render(values));
        return NurtureStep.planned(
                key,
                recruit.id(),
                recruit.location(),
                Cadence.KIND,
                cadence.name(),
                index,
                NurtureStep.SEND,
                Optional.of(message),
                due,
                Optional.of(cadence.stage()),
                Optional.empty(),
                Cadence.CANCELLED_BY,
                origin,
                now);
    }

    /** After a cadence step was done or skipped: plans the next one (idempotent), or tells that the run rested. */
    private void continueRun(NurtureStep done) {
        if (!done.kind().equals(Cadence.KIND)
                || done.cancelledAt().isPresent()
                || done.status() == StepStatus.CANCELLED
                || done.status().open()) {
            return;
        }
        Optional<Cadence> cadence = settings.cadence(done.sequence());
        Optional<Recruit> recruit = recruits.find(done.recruit());
        if (cadence.isEmpty()
                || recruit.isEmpty()
                || done.index() > cadence.get().steps().size()) {
            return;
        }
        String run = runOf(done).substring(runOf(done).lastIndexOf('/') + 1);
        plan(cadenceStep(cadence.get(), recruit.get(), run, done.index() + 1, done.origin(), done.updatedAt()));
    }

    /** The key of a step's run: its key without the index. */
    private static String runOf(NurtureStep step) {
        return step.key().substring(0, step.key().lastIndexOf('/'));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Running steps

    /** The job of a step: does it when due, settles it, and carries its run on. */
    public JobOutcome run(JobPayload.NurtureStep job) {
        Optional<NurtureStep> found = steps.find(job.step());
        if (found.isEmpty()) {
            return new JobOutcome.GiveUp("no nurture step " + job.step());
        }
        NurtureStep step = found.get();
        if (!step.status().open()) {
            continueRun(step);
            return new JobOutcome.Done();
        }
        Instant now = clock.now();
        if (step.dueAt().isAfter(now)) {
            return new JobOutcome.RunAgainAt(step.dueAt(), "step due at " + step.dueAt());
        }
        Optional<Recruit> recruit = recruits.find(step.recruit());
        if (recruit.isEmpty()) {
            settle(step, NurtureStep.Settlement.SKIPPED, "the recruit is gone");
            return new JobOutcome.Done();
        }
        if (step.action().equals(NurtureStep.SEND)) {
            Optional<ContactId> contact = recruit.get().contactId();
            if (contact.isEmpty()) {
                settle(step, NurtureStep.Settlement.SKIPPED, "the recruit has no CRM contact");
                return new JobOutcome.Done();
            }
            OutgoingMessage message = messageOf(step, recruit.get(), contact.get());
            Optional<String> undeliverable =
                    message.channel() == Channel.SMS ? sender.textsUndeliverable(contact.get()) : Optional.empty();
            // Only before the text is first planned: one that may already be with GHL is reconciled, not skipped.
            if (undeliverable.isPresent() && !sender.isPlanned(new MessageKey(step.key()))) {
                settle(step, NurtureStep.Settlement.SKIPPED, undeliverable.get());
                return new JobOutcome.Done();
            }
            SendOutcome outcome = sender.send(recruit.get(), new MessageKey(step.key()), message);
            return settled(step, outcome);
        }
        if (step.cancelledAt().isPresent()) {
            settle(step, NurtureStep.Settlement.SKIPPED, "cancelled");
            return new JobOutcome.Done();
        }
        StepAction.Result result = step.action().equals(NurtureStep.REST)
                ? rest(recruit.get(), step)
                : Optional.ofNullable(actions.get(step.action()))
                        .map(a -> a.perform(recruit.get(), step))
                        .orElseGet(() -> StepAction.Result.skipped("no step action named " + step.action()));
        NurtureStep after = settle(step, result.settlement(), result.why());
        if (result.settlement() == NurtureStep.Settlement.WAITING
                && after.status().open()) {
            return new JobOutcome.RunAgainAt(result.retryAt().orElseThrow(), result.why());
        }
        if (after.status() == StepStatus.DONE && step.action().equals(NurtureStep.REST)) {
            tell(new NurtureNotice.CadenceEnded(
                    step.sequence(),
                    runOf(step),
                    step.recruit(),
                    step.location(),
                    NurtureNotice.Ending.RESTED,
                    result.why(),
                    clock.now()));
        }
        return new JobOutcome.Done();
    }

    /** What became of a step's message on its delivery job (a deferred message): settles the step. */
    public void messageSettled(MessageKey key, SendOutcome outcome) {
        steps.find(key.value()).ifPresent(step -> {
            if (step.status().open()) {
                settled(step, outcome);
            } else {
                continueRun(step);
            }
        });
    }

    private JobOutcome settled(NurtureStep step, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Sent sent) {
            NurtureStep after = settle(step, NurtureStep.Settlement.DONE, "sent");
            tell(new NurtureNotice.StepSent(after, sent.record().updatedAt()));
            return new JobOutcome.Done();
        }
        if (outcome instanceof SendOutcome.Refused refused) {
            settle(step, NurtureStep.Settlement.SKIPPED, refused.reason());
            return new JobOutcome.Done();
        }
        if (outcome instanceof SendOutcome.Failed failed) {
            settle(step, NurtureStep.Settlement.SKIPPED, "failed: " + failed.reason());
            return new JobOutcome.Done();
        }
        if (outcome instanceof SendOutcome.Deferred deferred) {
            // Its delivery job carries on from here, under the same compliance gate.
            settle(
                    step,
                    NurtureStep.Settlement.WAITING,
                    "deferred until " + deferred.until() + ": " + deferred.reason());
            return new JobOutcome.Done();
        }
        SendOutcome.RetryLater later = (SendOutcome.RetryLater) outcome;
        settle(step, NurtureStep.Settlement.WAITING, later.reason());
        return new JobOutcome.RunAgainAt(later.at(), later.reason());
    }

    private NurtureStep settle(NurtureStep step, NurtureStep.Settlement result, String why) {
        NurtureStep after = steps.settle(step.key(), result, why, clock.now()).orElse(step);
        continueRun(after);
        return after;
    }

    /** The rest at the end of a cadence: the opportunity takes the cadence's rested status, if any. */
    private StepAction.Result rest(Recruit recruit, NurtureStep step) {
        Optional<Cadence> cadence = settings.cadence(step.sequence());
        if (cadence.isEmpty() || cadence.get().rest().status().isEmpty()) {
            return StepAction.Result.done("rested: no more follow-ups");
        }
        var status = cadence.get().rest().status().get();
        AdvanceResult result = advance.markRested(recruit.id(), status);
        String what = status.name().toLowerCase(java.util.Locale.ROOT);
        if (result instanceof AdvanceResult.Moved) {
            return StepAction.Result.done("rested: no more follow-ups; opportunity " + what);
        }
        return StepAction.Result.done(
                "rested: no more follow-ups; opportunity left as it was (" + describe(result) + ")");
    }

    private static String describe(AdvanceResult result) {
        if (result instanceof AdvanceResult.Refused r) {
            return r.reason();
        }
        if (result instanceof AdvanceResult.NotFound n) {
            return n.reason();
        }
        return "already so";
    }

    /** The step's message to the recruit's contact. */
    private OutgoingMessage messageOf(NurtureStep step, Recruit recruit, ContactId contact) {
        StepMessage m = step.message().orElseThrow();
        return new OutgoingMessage(
                recruit.location(),
                contact,
                m.channel(),
                m.body(),
                m.subject(),
                m.channel() == Channel.EMAIL ? recruiting.emailFrom() : Optional.empty());
    }

    private void schedule(NurtureStep step) {
        jobs.schedule(new Job(new JobPayload.NurtureStep(step.key(), step.recruit()), step.dueAt(), JobPriority.BULK));
    }

    private void tell(NurtureNotice notice) {
        for (NurtureListener listener : listeners) {
            try {
                listener.on(notice);
            } catch (RuntimeException e) {
                // A listener never undoes or repeats a step.
            }
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
