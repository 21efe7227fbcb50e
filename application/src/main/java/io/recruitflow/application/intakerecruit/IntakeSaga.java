package io.recruitflow.application.intakerecruit;

import io.recruitflow.application.outreach.MessageSender;
import io.recruitflow.application.outreach.SendOutcome;
import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.application.port.JobType;
import io.recruitflow.application.setup.LocationSetup;
import io.recruitflow.application.setup.RecruitUpdater;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.OutgoingMessage;
import io.recruitflow.domain.pipeline.GhlOpportunity;
import io.recruitflow.domain.pipeline.Opportunities;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.pipeline.OpportunityDraft;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.RecruitingPipeline;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.ContactDirectory;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.recruit.CustomFieldValue;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.Workflows;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.GhlAuthException;
import io.recruitflow.domain.shared.GhlException;
import io.recruitflow.domain.shared.GhlOutcomeUnknownException;
import io.recruitflow.domain.shared.SuspendedLocations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The intake saga of one recruit, run as durable jobs. The first phase — contact, opportunity, intro
 * text — runs at speed-to-lead priority; enrollment in the workflow follows at bulk priority, so that a
 * new lead's first text never waits behind other leads' follow-up steps.
 *
 * <p>Each step is journaled before and after its GHL call. On a rerun a step that may have happened is
 * reconciled, never blindly repeated: the contact goes through upsert, the opportunity is looked up
 * before it is created again, and the intro's send state is reconciled against the conversation.
 */
@Singleton
public class IntakeSaga {
    static final Set<IntakeStep> FIRST_PHASE =
            EnumSet.of(IntakeStep.UPSERT_CONTACT, IntakeStep.CREATE_OPPORTUNITY, IntakeStep.SEND_INTRO);
    private static final String FOLLOW_UP_SUFFIX = ":follow-up";
    private static final int MAX_ATTEMPTS = 8;
    private static final Duration SUSPENDED_RECHECK = Duration.ofMinutes(5);

    private final Recruits recruits;
    private final IntakeJournal journal;
    private final ContactDirectory contacts;
    private final Opportunities opportunities;
    private final OpportunityMirror mirror;
    private final Workflows workflows;
    private final MessageSender sender;
    private final LocationSetup setup;
    private final RecruitingSettings settings;
    private final JobQueue jobs;
    private final SuspendedLocations suspended;
    private final LocationBacklog backlog;
    private final Clock clock;

    @Inject
    public IntakeSaga(
            Recruits recruits,
            IntakeJournal journal,
            ContactDirectory contacts,
            Opportunities opportunities,
            OpportunityMirror mirror,
            Workflows workflows,
            MessageSender sender,
            LocationSetup setup,
            RecruitingSettings settings,
            JobQueue jobs,
            SuspendedLocations suspended,
            LocationBacklog backlog,
            Clock clock) {
        this.recruits = recruits;
        this.journal = journal;
        this.contacts = contacts;
        this.opportunities = opportunities;
        this.mirror = mirror;
        this.workflows = workflows;
        this.sender = sender;
        this.setup = setup;
        this.settings = settings;
        this.jobs = jobs;
        this.suspended = suspended;
        this.backlog = backlog;
        this.clock = clock;
    }

    public static String firstPhaseJobId(RecruitId recruit) {
        return recruit.toString();
    }

    /** The recruit an intake job id belongs to. */
    public static RecruitId recruitOf(String jobId) {
        return RecruitId.parse(
                jobId.endsWith(FOLLOW_UP_SUFFIX)
                        ? jobId.substring(0, jobId.length() - FOLLOW_UP_SUFFIX.length())
                        : jobId);
    }

    /** Runs the steps of the job's phase that are not settled yet. */
    public JobOutcome advance(String jobId) {
        JobOutcome outcome = advanceSteps(jobId);
        if (!jobId.endsWith(FOLLOW_UP_SUFFIX) && !(outcome instanceof JobOutcome.RunAgainAt)) {
            recruits.find(recruitOf(jobId)).ifPresent(r -> backlog.leave(r.location()));
        }
        return outcome;
    }

    private JobOutcome advanceSteps(String jobId) {
        RecruitId id = recruitOf(jobId);
        boolean firstPhase = !jobId.endsWith(FOLLOW_UP_SUFFIX);
        Optional<Recruit> found = recruits.find(id);
        if (found.isEmpty()) {
            return new JobOutcome.GiveUp("no recruit " + id);
        }
        Instant now = clock.now();
        Optional<String> suspension = suspended.reason(found.get().location());
        if (suspension.isPresent()) {
            return new JobOutcome.RunAgainAt(now.plus(SUSPENDED_RECHECK), "location suspended: " + suspension.get());
        }
        journal.open(id, now);
        for (IntakeStep step : IntakeStep.values()) {
            if (FIRST_PHASE.contains(step) != firstPhase) {
                continue;
            }
            StepRecord record = journal.find(id, step).orElseGet(() -> StepRecord.pending(id, step, now));
            if (record.state().waitsOnNothing()) {
                continue;
            }
            if (record.notBefore().isPresent() && record.notBefore().get().isAfter(clock.now())) {
                return new JobOutcome.RunAgainAt(
                        record.notBefore().get(), record.detail().orElse("waiting"));
            }
            Recruit recruit = recruits.find(id).orElseThrow();
            Optional<JobOutcome> stop = runGuarded(recruit, record);
            if (stop.isPresent()) {
                return stop.get();
            }
        }
        if (firstPhase) {
            jobs.schedule(new Job(JobType.INTAKE, id + FOLLOW_UP_SUFFIX, clock.now(), JobPriority.BULK));
        }
        return new JobOutcome.Done();
    }

    /** Runs one step; a non-empty answer stops the saga for now (retry later, or give up). */
    private Optional<JobOutcome> runGuarded(Recruit recruit, StepRecord record) {
        try {
            return run(recruit, record);
        } catch (GhlOutcomeUnknownException e) {
            return retry(record, true, e);
        } catch (GhlAuthException e) {
            return retry(record, false, e);
        } catch (GhlException e) {
            if (e.retryable()) {
                return retry(record, false, e);
            }
            journal.save(current(record).failed(e.getMessage(), clock.now()));
            skipRemaining(record);
            return Optional.of(new JobOutcome.GiveUp(record.step() + " failed: " + e.getMessage()));
        } catch (LocationSetup.SetupException e) {
            journal.save(current(record).retryAt(clock.now().plus(SUSPENDED_RECHECK), e.getMessage(), clock.now()));
            return Optional.of(new JobOutcome.RunAgainAt(clock.now().plus(SUSPENDED_RECHECK), e.getMessage()));
        }
    }

    private Optional<JobOutcome> retry(StepRecord record, boolean unknown, GhlException e) {
        StepRecord latest = current(record);
        Instant now = clock.now();
        if (latest.attempts() >= MAX_ATTEMPTS) {
            journal.save(latest.failed("gave up after " + latest.attempts() + " attempts: " + e.getMessage(), now));
            skipRemaining(record);
            return Optional.of(new JobOutcome.GiveUp(record.step() + " failed: " + e.getMessage()));
        }
        Instant at = now.plus(backoff(latest.attempts()));
        // UNKNOWN keeps the "may have happened" mark: the next run reconciles before acting.
        journal.save(unknown ? latest.unknown(e.getMessage(), now) : latest.retryAt(at, e.getMessage(), now));
        return Optional.of(new JobOutcome.RunAgainAt(at, record.step() + ": " + e.getMessage()));
    }

    /**
     * A step that failed for good stops the saga: the steps after it will never run, so they are settled as
     * skipped. Left pending, the intake would never count as complete ({@code import --wait} would wait
     * forever) and every start would resume it and run the later steps after all.
     */
    private void skipRemaining(StepRecord failed) {
        Instant now = clock.now();
        for (StepRecord s : journal.steps(failed.recruit())) {
            if (s.step().ordinal() > failed.step().ordinal() && !s.state().settled()) {
                journal.save(s.skipped("not run: " + failed.step() + " failed", now));
            }
        }
    }

    private StepRecord current(StepRecord record) {
        return journal.find(record.recruit(), record.step()).orElse(record);
    }

    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts, 9)));
    }

    private Optional<JobOutcome> run(Recruit recruit, StepRecord record) {
        switch (record.step()) {
            case UPSERT_CONTACT:
                upsertContact(recruit, record);
                return Optional.empty();
            case CREATE_OPPORTUNITY:
                createOpportunity(recruit, record);
                return Optional.empty();
            case SEND_INTRO:
                return sendIntro(recruit, record);
            case ENROLL_WORKFLOW:
                enroll(recruit, record);
                return Optional.empty();
        }
        throw new IllegalStateException("unhandled step " + record.step());
    }

    private void upsertContact(Recruit recruit, StepRecord record) {
        StepRecord started = record.started(clock.now());
        journal.save(started);
        // Upsert is idempotent in GHL: repeating it after a crash finds the same contact.
        ContactDirectory.Upserted upserted = contacts.upsert(draftOf(recruit));
        ContactId contact = upserted.contact().id();
        RecruitUpdater.update(recruits, recruit.id(), r -> {
            Recruit linked = r.linkedTo(contact);
            return upserted.contact().timeZone().map(linked::withTimeZone).orElse(linked);
        });
        journal.save(started.done(Optional.of(contact.value()), clock.now()));
    }

    private ContactDraft draftOf(Recruit recruit) {
        List<CustomFieldValue> fields = new ArrayList<>();
        Map<String, String> ids = settings.customFieldIds();
        field(ids, "licenseState", recruit.license().state().code(), fields);
        recruit.license().number().ifPresent(n -> field(ids, "licenseNumber", n, fields));
        if (!recruit.license().types().isEmpty()) {
            field(
                    ids,
                    "licenseType",
                    recruit.license().types().stream()
                            .map(LicenseType::name)
                            .sorted()
                            .collect(Collectors.joining(", ")),
                    fields);
        }
        recruit.customFields().forEach((id, value) -> fields.add(new CustomFieldValue(id, value)));
        return new ContactDraft(
                recruit.location(),
                recruit.name().first(),
                recruit.name().last(),
                recruit.email(),
                recruit.phone(),
                recruit.tags(),
                fields,
                Optional.of(recruit.source()));
    }

    private static void field(Map<String, String> ids, String name, String value, List<CustomFieldValue> into) {
        String id = ids.get(name);
        if (id != null && !id.isBlank()) {
            into.add(new CustomFieldValue(id, value));
        }
    }

    private void createOpportunity(Recruit recruit, StepRecord record) {
        ContactId contact = recruit.contactId().orElseThrow(() -> new IllegalStateException("contact not linked"));
        RecruitingPipeline pipeline = setup.of(recruit.location()).pipeline();
        if (record.attempts() > 0) {
            // An earlier attempt may have created it (crash, timeout, or GHL's "422 but created").
            Optional<GhlOpportunity> existing =
                    opportunities.findForContact(recruit.location(), pipeline.pipelineId(), contact);
            if (existing.isPresent()) {
                mirror(recruit, existing.get(), pipeline);
                journal.save(record.done(Optional.of(existing.get().id().value()), clock.now()));
                return;
            }
        }
        StepRecord started = record.started(clock.now());
        journal.save(started);
        GhlOpportunity created;
        try {
            created = opportunities.create(new OpportunityDraft(
                    recruit.location(),
                    pipeline.pipelineId(),
                    pipeline.idOf(RecruitingStage.first()),
                    contact,
                    Opportunity.nameFor(recruit.name().full()),
                    OpportunityStatus.OPEN,
                    settings.opportunityValue(),
                    settings.assignTo()));
        } catch (GhlException e) {
            if (e.kind() == GhlException.Kind.UNPROCESSABLE) {
                // GHL's create can answer 422 and still create the record: reconcile before trying again.
                throw new GhlOutcomeUnknownException(
                        e.status(), e.ghlMessage().orElse(null), e.traceId().orElse(null), e);
            }
            throw e;
        }
        mirror(recruit, created, pipeline);
        journal.save(started.done(Optional.of(created.id().value()), clock.now()));
    }

    private void mirror(Recruit recruit, GhlOpportunity o, RecruitingPipeline pipeline) {
        RecruitingStage stage = pipeline.stageOf(o.stage()).orElse(RecruitingStage.first());
        mirror.save(new Opportunity(
                o.id(),
                recruit.location(),
                o.contact(),
                o.name(),
                o.pipeline(),
                stage,
                o.status(),
                o.monetaryValue(),
                o.assignedTo(),
                o.updatedAt().orElse(clock.now()),
                0));
    }

    private Optional<JobOutcome> sendIntro(Recruit recruit, StepRecord record) {
        ContactId contact = recruit.contactId().orElseThrow(() -> new IllegalStateException("contact not linked"));
        StepRecord started = record.started(clock.now());
        journal.save(started);
        SendOutcome outcome = sender.send(recruit, introKey(recruit.id()), introFor(recruit, contact));
        return recordIntroOutcome(recruit.id(), started, outcome);
    }

    /** Completes SEND_INTRO once a deferred intro went out (called by the deferred-message job). */
    public void introDelivered(RecruitId id, SendOutcome outcome) {
        journal.find(id, IntakeStep.SEND_INTRO).ifPresent(record -> recordIntroOutcome(id, record, outcome));
    }

    private Optional<JobOutcome> recordIntroOutcome(RecruitId id, StepRecord record, SendOutcome outcome) {
        Instant now = clock.now();
        if (outcome instanceof SendOutcome.Sent sent) {
            MessageRecord message = sent.record();
            RecruitUpdater.update(recruits, id, r -> r.introSent(message.updatedAt()));
            journal.save(record.done(message.messageId().map(Object::toString), now));
            return Optional.empty();
        }
        if (outcome instanceof SendOutcome.Deferred deferred) {
            journal.save(record.deferred(deferred.until(), deferred.reason(), now));
            return Optional.empty();
        }
        if (outcome instanceof SendOutcome.Refused refused) {
            journal.save(record.skipped(refused.reason(), now));
            return Optional.empty();
        }
        if (outcome instanceof SendOutcome.Failed failed) {
            journal.save(record.failed(failed.reason(), now));
            return Optional.empty();
        }
        SendOutcome.RetryLater later = (SendOutcome.RetryLater) outcome;
        if (record.attempts() >= MAX_ATTEMPTS) {
            journal.save(record.failed("gave up: " + later.reason(), now));
            return Optional.empty();
        }
        journal.save(record.retryAt(later.at(), later.reason(), now));
        return Optional.of(new JobOutcome.RunAgainAt(later.at(), later.reason()));
    }

    public static MessageKey introKey(RecruitId id) {
        return new MessageKey("intro/" + id);
    }

    /** The recruit an intro message key belongs to, if it is one. */
    public static Optional<RecruitId> recruitOfIntro(MessageKey key) {
        return key.value().startsWith("intro/")
                ? Optional.of(RecruitId.parse(key.value().substring(6)))
                : Optional.empty();
    }

    private OutgoingMessage introFor(Recruit recruit, ContactId contact) {
        Map<String, String> values = Map.of(
                "First",
                recruit.name().first(),
                "Last",
                recruit.name().last(),
                "FullName",
                recruit.name().full(),
                "State",
                recruit.license().state().displayName());
        if (recruit.phone().isPresent()) {
            return new OutgoingMessage(
                    recruit.location(),
                    contact,
                    Channel.SMS,
                    settings.introSms().render(values),
                    Optional.empty(),
                    Optional.empty());
        }
        // A lead with an email but no phone gets the intro as an email.
        return new OutgoingMessage(
                recruit.location(),
                contact,
                Channel.EMAIL,
                settings.introEmailBody().render(values),
                Optional.of(settings.introEmailSubject().render(values)),
                settings.emailFrom());
    }

    private void enroll(Recruit recruit, StepRecord record) {
        ContactId contact = recruit.contactId().orElseThrow(() -> new IllegalStateException("contact not linked"));
        StepRecord started = record.started(clock.now());
        journal.save(started);
        // Enrollment is idempotent in GHL: repeating it after a crash enrolls once.
        workflows.enroll(contact, setup.of(recruit.location()).speedToLeadWorkflow());
        journal.save(started.done(Optional.empty(), clock.now()));
    }

    /** Schedules the saga of every recruit whose intake is unfinished (at start, after a crash). */
    public int resumeUnfinished(int limit) {
        List<RecruitId> unfinished = journal.unfinished(limit);
        Instant now = clock.now();
        for (RecruitId id : unfinished) {
            boolean firstPhaseOpen = journal.steps(id).stream()
                    .anyMatch(s -> FIRST_PHASE.contains(s.step()) && !s.state().waitsOnNothing());
            if (firstPhaseOpen) {
                Optional<Recruit> recruit = recruits.find(id);
                int position = recruit.map(r -> backlog.enter(r.location())).orElse(0);
                if (!jobs.schedule(
                        new Job(JobType.INTAKE, firstPhaseJobId(id), now, JobPriority.SPEED_TO_LEAD, position))) {
                    recruit.ifPresent(r -> backlog.leave(r.location()));
                }
            } else {
                jobs.schedule(new Job(JobType.INTAKE, id + FOLLOW_UP_SUFFIX, now, JobPriority.BULK));
            }
        }
        return unfinished.size();
    }
}
