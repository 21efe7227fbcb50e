package io.recruitflow.application;

import io.recruitflow.adapter.inmemory.InMemoryAdapters;
import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.adapter.inmemory.InMemorySuspendedLocations;
import io.recruitflow.adapter.inmemory.ManualClock;
import io.recruitflow.application.advancerecruit.AdvanceRecruitService;
import io.recruitflow.application.applyghlevent.ApplyGhlEventCommand;
import io.recruitflow.application.applyghlevent.ApplyGhlEventService;
import io.recruitflow.application.applyghlevent.EventOutcome;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.applyghlevent.GhlEventDecoder;
import io.recruitflow.application.applyghlevent.GhlEventListener;
import io.recruitflow.application.applyghlevent.InboxDispatcher;
import io.recruitflow.application.importleads.ImportLeadsService;
import io.recruitflow.application.importleads.LeadFileReader;
import io.recruitflow.application.intakerecruit.CreateOpportunityStep;
import io.recruitflow.application.intakerecruit.EnrollWorkflowStep;
import io.recruitflow.application.intakerecruit.IntakeAcceptance;
import io.recruitflow.application.intakerecruit.IntakeRecruitCommand;
import io.recruitflow.application.intakerecruit.IntakeRecruitService;
import io.recruitflow.application.intakerecruit.IntakeSaga;
import io.recruitflow.application.intakerecruit.SendIntroStep;
import io.recruitflow.application.intakerecruit.UpsertContactStep;
import io.recruitflow.application.jobs.RecruitflowJobs;
import io.recruitflow.application.outreach.DeliveryReports;
import io.recruitflow.application.outreach.MessageSender;
import io.recruitflow.application.outreach.RecipientProfile;
import io.recruitflow.application.port.Job;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelService;
import io.recruitflow.application.replies.InboundReplies;
import io.recruitflow.application.replies.ReplyAnswers;
import io.recruitflow.application.replies.ReplySettings;
import io.recruitflow.application.schedulepresentation.SchedulePresentationService;
import io.recruitflow.application.sendrecruitmessage.SendRecruitMessageService;
import io.recruitflow.application.setup.LocationSetup;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.application.viewrecruit.ViewRecruitService;
import io.recruitflow.domain.message.ConversationMessage;
import io.recruitflow.domain.message.Conversations;
import io.recruitflow.domain.message.Dispatch;
import io.recruitflow.domain.message.OutgoingMessage;
import io.recruitflow.domain.message.SendGate;
import io.recruitflow.domain.recruit.LeadInput;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.PhoneNumbers;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The application wired by hand on the in-memory adapters, with a clock the test moves. One per test. The tests
 * of this module use it, and so do an extension's tests: an {@link Extension} is wired on the world's use cases
 * and its listeners handed to the core, as an embedder without a DI container would.
 */
public final class World {
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    /** A use case added beside the core, as the no-show follow-up is: built on the core's use cases. */
    @FunctionalInterface
    public interface Extension {
        /** The listeners to hand the core, built on the world's adapters and use cases. */
        Set<GhlEventListener> listeners(
                InMemoryAdapters adapters, AdvanceRecruitService advance, SendRecruitMessageService messages);
    }

    /** Ten-digit North American numbers; area code 850 spans Central and Eastern time, 213 is Pacific. */
    public static final PhoneNumbers PHONES = new PhoneNumbers() {
        @Override
        public Optional<PhoneNumber> parse(String raw) {
            String digits = raw.replaceAll("\\D", "");
            if (digits.length() == 11 && digits.startsWith("1")) {
                digits = digits.substring(1);
            }
            return digits.length() == 10 ? Optional.of(new PhoneNumber("+1" + digits)) : Optional.empty();
        }

        @Override
        public Set<ZoneId> timeZones(PhoneNumber number) {
            String area = number.e164().substring(2, 5);
            return switch (area) {
                case "850" -> Set.of(NEW_YORK, CHICAGO);
                case "213" -> Set.of(ZoneId.of("America/Los_Angeles"));
                default -> Set.of(NEW_YORK);
            };
        }
    };

    public final ManualClock clock;
    public final InMemoryAdapters adapters;
    public final InMemoryGhl ghl;
    public final InMemorySuspendedLocations suspended = new InMemorySuspendedLocations();
    /**
     * The spacing the world's CRM puts between a location's calls, which its intakes are paced at ({@code
     * LocationBacklog.turn}); none by default, as the in-memory GHL does not limit calls. Set it before leads come.
     */
    public volatile java.time.Duration callSpacing;

    public final io.recruitflow.application.intakerecruit.LocationBacklog backlog =
            new io.recruitflow.application.intakerecruit.LocationBacklog(
                    new io.recruitflow.application.port.CallBudgets() {
                        @Override
                        public java.util.Optional<io.recruitflow.application.port.CallBudget> of(LocationId location) {
                            return io.recruitflow.application.port.CallBudgets.none()
                                    .of(location);
                        }

                        @Override
                        public java.util.Map<LocationId, io.recruitflow.application.port.CallBudget> known() {
                            return io.recruitflow.application.port.CallBudgets.none()
                                    .known();
                        }

                        @Override
                        public java.util.Optional<java.time.Duration> callSpacing(LocationId location) {
                            return java.util.Optional.ofNullable(World.this.callSpacing);
                        }
                    });
    public final RecruitingSettings settings;
    public final LocationSetup setup;
    public final RecipientProfile recipients;
    public final MessageSender sender;
    public final IntakeSaga saga;
    /**
     * The saga's unit of work: it runs at once, as {@link io.recruitflow.application.port.UnitOfWork#direct()} does,
     * and counts the commits a transactional store would make (the saga's journal writes and jobs, its enrollment
     * calls run {@linkplain io.recruitflow.application.port.UnitOfWork#outside outside} it, as the CRM adapter does).
     */
    public final CountingUnitOfWork work = new CountingUnitOfWork();

    public final io.recruitflow.application.intakerecruit.DelegatedEnrollmentConfirmation confirmation;
    public final IntakeRecruitService intake;
    public final AdvanceRecruitService advance;
    public final ApplyGhlEventService events;
    public final SchedulePresentationService presentations;
    public final SendRecruitMessageService messages;
    public final RecruitingFunnelService funnel;
    public final ViewRecruitService view;
    public final RecruitflowJobs jobs;
    /**
     * The CRM call budgets the jobs see, by location (none: the CRM declared none); a test sets one to bring a
     * location near its daily limit.
     */
    public final java.util.Map<LocationId, io.recruitflow.application.port.CallBudget> callBudgets =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** The core's own listener: GHL's delivery reports of our texts and of the texts GHL sent itself. */
    public final DeliveryReports deliveries;

    public final ReplySettings replySettings;
    public final InboundReplies replies;
    public final ReplyAnswers answers;
    /** Stalled recruits, with {@link io.recruitflow.application.stalls.StallSettings#defaults()}. */
    public final io.recruitflow.application.stalls.StalledRecruits stalls;
    /** Every stall the sweep announced, in order (a {@code RecruitStalledListener}). */
    public final List<io.recruitflow.domain.pipeline.StallAlert> stallsAnnounced =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Nurture: the steps' part of the gate, the service, and its view of Recruitflow's own stage moves. */
    public final io.recruitflow.application.nurture.NurtureGuard nurtureGuard;

    public final io.recruitflow.application.nurture.Nurture nurture;
    public final io.recruitflow.application.nurture.NurtureStageMoves nurtureMoves;
    /** Reminders before presentations, the rebooking text after a no-show, archiving (when nurture is on). */
    public final io.recruitflow.application.presentations.PresentationFollowThrough followThrough;
    /**
     * What happens while a message of the world's sender waits for its rate-limit permit, before the gate is asked
     * (nothing, unless a test sets it: time passing, an event arriving).
     */
    public volatile java.util.function.Consumer<OutgoingMessage> whileWaitingForPermit = m -> {};

    /** What happens during each workflow enrollment call of the saga, before GHL takes it (nothing, unless set). */
    public volatile Runnable whileEnrolling = () -> {};

    /** What the nurture told its listeners, in order. */
    public final List<io.recruitflow.application.nurture.NurtureNotice> notices =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public World(String localNewYorkTime) {
        this(localNewYorkTime, RecruitingSettings.defaults());
    }

    public World(String localNewYorkTime, RecruitingSettings settings) {
        this(localNewYorkTime, settings, (adapters, advance, messages) -> Set.of());
    }

    public World(String localNewYorkTime, RecruitingSettings settings, Extension extension) {
        this(localNewYorkTime, settings, extension, ReplySettings.defaults());
    }

    public World(String localNewYorkTime, RecruitingSettings settings, ReplySettings replySettings) {
        this(localNewYorkTime, settings, (adapters, advance, messages) -> Set.of(), replySettings);
    }

    public World(
            String localNewYorkTime, RecruitingSettings settings, Extension extension, ReplySettings replySettings) {
        this(
                localNewYorkTime,
                settings,
                extension,
                replySettings,
                io.recruitflow.application.nurture.NurtureSettings.defaults());
    }

    /** With Recruitflow's own cadences ({@code NurtureSettings.playbook()} runs the playbook's). */
    public World(String localNewYorkTime, io.recruitflow.application.nurture.NurtureSettings nurtureSettings) {
        this(
                localNewYorkTime,
                RecruitingSettings.defaults(),
                (adapters, advance, messages) -> Set.of(),
                ReplySettings.defaults(),
                nurtureSettings);
    }

    public World(
            String localNewYorkTime,
            RecruitingSettings settings,
            Extension extension,
            ReplySettings replySettings,
            io.recruitflow.application.nurture.NurtureSettings nurtureSettings) {
        this.replySettings = replySettings;
        this.clock = ManualClock.at(localNewYorkTime, NEW_YORK);
        this.adapters = new InMemoryAdapters(clock);
        this.ghl = adapters.ghl();
        this.settings = settings;
        setup = new LocationSetup(ghl.pipelines(), ghl.workflows(), ghl.calendars(), settings);
        recipients = new RecipientProfile(PHONES, settings);
        nurtureGuard =
                new io.recruitflow.application.nurture.NurtureGuard(adapters.nurtureSteps(), adapters.recruits());
        Conversations handOver = new Conversations() {
            @Override
            public Dispatch send(OutgoingMessage message, SendGate gate) {
                whileWaitingForPermit.accept(message);
                return ghl.conversations().send(message, gate);
            }

            @Override
            public Stream<ConversationMessage> messagesWith(LocationId location, ContactId of) {
                return ghl.conversations().messagesWith(location, of);
            }
        };
        sender = new MessageSender(
                adapters.messageLog(),
                handOver,
                recipients,
                settings,
                adapters.jobQueue(),
                suspended,
                adapters.recruitReplies(),
                adapters.declaredEmergencies(),
                nurtureGuard,
                clock,
                io.recruitflow.application.port.UnitOfWork.direct());
        java.util.concurrent.atomic.AtomicReference<io.recruitflow.application.advancerecruit.StageMoveListener> moves =
                new java.util.concurrent.atomic.AtomicReference<>();
        advance = new AdvanceRecruitService(
                adapters.recruits(),
                adapters.opportunityMirror(),
                ghl.opportunities(),
                setup,
                clock,
                () -> Set.of(moves.get()));
        nurture = new io.recruitflow.application.nurture.Nurture(
                adapters.nurtureSteps(),
                adapters.recruits(),
                adapters.opportunityMirror(),
                sender,
                adapters.jobQueue(),
                recipients,
                settings,
                nurtureSettings,
                adapters.ownerAlerts(),
                Set.of(notices::add),
                Set.of(
                        new io.recruitflow.application.presentations.PresentationStarted(
                                adapters.nurtureSteps(), clock),
                        new io.recruitflow.application.presentations.ArchiveRecruit(
                                advance, adapters.nurtureSteps(), clock)),
                advance,
                clock);
        nurtureMoves = new io.recruitflow.application.nurture.NurtureStageMoves(nurture);
        moves.set(nurtureMoves);
        confirmation = new io.recruitflow.application.intakerecruit.DelegatedEnrollmentConfirmation(
                adapters.recruits(), adapters.intakeJournal(), settings, clock);
        io.recruitflow.application.port.JobQueue sagaJobs = new io.recruitflow.application.port.JobQueue() {
            @Override
            public boolean schedule(Job job) {
                return wrote(adapters.jobQueue().schedule(job));
            }

            @Override
            public boolean scheduleNoLaterThan(Job job) {
                return wrote(adapters.jobQueue().scheduleNoLaterThan(job));
            }

            private boolean wrote(boolean added) {
                if (added) {
                    work.wrote();
                }
                return added;
            }
        };
        io.recruitflow.domain.recruit.Workflows enrolling = new io.recruitflow.domain.recruit.Workflows() {
            @Override
            public List<io.recruitflow.domain.recruit.Workflow> list(LocationId location) {
                return ghl.workflows().list(location);
            }

            @Override
            public void enroll(
                    LocationId location, ContactId contact, io.recruitflow.domain.recruit.WorkflowId workflow) {
                work.outside(() -> {
                    whileEnrolling.run();
                    ghl.workflows().enroll(location, contact, workflow);
                    return null;
                });
            }
        };
        saga = new IntakeSaga(
                adapters.recruits(),
                io.recruitflow.domain.recruit.IntakeJournal.observingSaves(adapters.intakeJournal(), r -> work.wrote()),
                sagaJobs,
                suspended,
                backlog,
                clock,
                new UpsertContactStep(ghl.contactDirectory(), adapters.recruits(), settings),
                new CreateOpportunityStep(ghl.opportunities(), adapters.opportunityMirror(), setup, settings, clock),
                new SendIntroStep(sender, adapters.recruits(), settings, nurture),
                new EnrollWorkflowStep(enrolling, setup, settings),
                confirmation,
                work,
                1); // enrollment calls one after the other, in order: a test's scripted faults hit the recruit it means
        intake = new IntakeRecruitService(PHONES, adapters.recruits(), adapters.intakeJournal(), saga, settings, clock);
        messages = new SendRecruitMessageService(adapters.recruits(), sender, settings);
        deliveries = new DeliveryReports(adapters.messageLog(), adapters.recruits(), adapters.jobQueue(), clock);
        followThrough = new io.recruitflow.application.presentations.PresentationFollowThrough(
                nurture,
                adapters.nurtureSteps(),
                nurtureSettings,
                adapters.recruits(),
                adapters.appointments(),
                recipients,
                settings,
                adapters.declaredEmergencies(),
                io.recruitflow.application.presentations.PresentationSettings.defaults(),
                clock);
        Set<GhlEventListener> listeners = new java.util.LinkedHashSet<>(Set.of(deliveries, followThrough));
        listeners.addAll(extension.listeners(adapters, advance, messages));
        replies = new InboundReplies(
                adapters.recruits(), adapters.recruitReplies(), advance, adapters.jobQueue(), replySettings, clock);
        answers = new ReplyAnswers(adapters.recruitReplies(), adapters.recruits(), sender, replySettings);
        events = new ApplyGhlEventService(
                adapters.recruits(),
                adapters.opportunityMirror(),
                adapters.appointments(),
                advance,
                setup,
                adapters.processedEvents(),
                ghl.installations(),
                suspended,
                withDelegatedEnrollments(listeners),
                replies,
                adapters.messageLog(),
                nurture);
        presentations = new SchedulePresentationService(
                adapters.recruits(),
                ghl.calendars(),
                adapters.appointments(),
                setup,
                advance,
                recipients,
                settings,
                clock);
        funnel = new RecruitingFunnelService(
                adapters.recruits(), adapters.opportunityMirror(), adapters.messageLog(), settings);
        view = new ViewRecruitService(
                adapters.recruits(),
                adapters.opportunityMirror(),
                adapters.intakeJournal(),
                adapters.messageLog(),
                adapters.appointments(),
                adapters.complianceRecord(),
                adapters.nurtureSteps(),
                adapters.ownerAlerts());
        stalls = new io.recruitflow.application.stalls.StalledRecruits(
                adapters.opportunityMirror(),
                adapters.recruits(),
                adapters.appointments(),
                adapters.ownerAlerts(),
                Set.<io.recruitflow.application.stalls.RecruitStalledListener>of(stallsAnnounced::add),
                io.recruitflow.application.stalls.StallSettings.defaults(),
                clock);
        jobs = new RecruitflowJobs(
                saga,
                sender,
                adapters.messageLog(),
                adapters.recruits(),
                dispatcher(noDecoder()),
                answers,
                clock,
                new io.recruitflow.application.port.CallBudgets() {
                    @Override
                    public Optional<io.recruitflow.application.port.CallBudget> of(LocationId location) {
                        return Optional.ofNullable(callBudgets.get(location));
                    }

                    @Override
                    public java.util.Map<LocationId, io.recruitflow.application.port.CallBudget> known() {
                        return java.util.Map.copyOf(callBudgets);
                    }
                },
                io.recruitflow.application.jobs.DailyReserve.DEFAULT,
                new io.recruitflow.application.outbound.OutboundDispatcher(
                        adapters.outbox(),
                        io.recruitflow.application.outbound.Subscriptions.none(),
                        (subscription, event, attempt, at) ->
                                new io.recruitflow.application.port.EventSender.Attempt.Failed("no sender"),
                        clock),
                nurture,
                stalls);
        adapters.jobQueue().bind(jobs);
    }

    /**
     * A sender whose hand-over to GHL first runs {@code meanwhile} — what happens while it waits for its rate-limit
     * permit (time passing, an event arriving) — and only then asks the gate, as the GHL adapter does.
     */
    public MessageSender senderWaiting(Runnable meanwhile) {
        Conversations waiting = new Conversations() {
            @Override
            public Dispatch send(OutgoingMessage message, SendGate gate) {
                meanwhile.run();
                return ghl.conversations().send(message, gate);
            }

            @Override
            public Stream<ConversationMessage> messagesWith(LocationId location, ContactId of) {
                return ghl.conversations().messagesWith(location, of);
            }
        };
        return new MessageSender(
                adapters.messageLog(),
                waiting,
                recipients,
                settings,
                adapters.jobQueue(),
                suspended,
                adapters.recruitReplies(),
                adapters.declaredEmergencies(),
                nurtureGuard,
                clock,
                io.recruitflow.application.port.UnitOfWork.direct());
    }

    /** The core's own listener (as the application module binds it) beside the extension's. */
    private Set<GhlEventListener> withDelegatedEnrollments(Set<GhlEventListener> listeners) {
        Set<GhlEventListener> all = new java.util.LinkedHashSet<>(listeners);
        all.add(confirmation);
        return all;
    }

    public InboxDispatcher dispatcher(GhlEventDecoder decoder) {
        return new InboxDispatcher(adapters.eventInbox(), decoder, events, clock);
    }

    public static GhlEventDecoder noDecoder() {
        return (type, body) -> Optional.empty();
    }

    public ImportLeadsService importer(LeadFileReader reader) {
        return new ImportLeadsService(reader, intake, ghl.installations(), suspended);
    }

    public static LeadInput lead(String first, String last, String phone, String email, String state, String... types) {
        return new LeadInput(
                first,
                last,
                email,
                phone,
                state,
                "W" + Math.abs((first + last).hashCode() % 1_000_000),
                List.of(types),
                "PropHog",
                Map.of());
    }

    public RecruitId accept(LeadInput lead) {
        IntakeAcceptance a = intake.accept(new IntakeRecruitCommand(InMemoryGhl.LOCATION, lead));
        if (a instanceof IntakeAcceptance.Accepted accepted) {
            return accepted.recruit();
        }
        if (a instanceof IntakeAcceptance.AlreadyKnown known) {
            return known.recruit();
        }
        throw new AssertionError("lead rejected: " + a);
    }

    /** Runs every due job, as often as it takes; returns how many ran. */
    public int runJobs() {
        return adapters.jobQueue().runDue(clock.now());
    }

    public Recruit recruit(RecruitId id) {
        return adapters.recruits().find(id).orElseThrow();
    }

    public EventOutcome deliver(GhlEvent event) {
        return events.apply(new ApplyGhlEventCommand(event));
    }

    public static String eventId() {
        return UUID.randomUUID().toString();
    }
}
