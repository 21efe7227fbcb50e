package io.recruitflow.extension.noshow;

import io.recruitflow.adapter.inmemory.InMemoryAdapters;
import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.adapter.inmemory.InMemorySuspendedLocations;
import io.recruitflow.application.advancerecruit.AdvanceRecruitService;
import io.recruitflow.application.applyghlevent.ApplyGhlEventCommand;
import io.recruitflow.application.applyghlevent.ApplyGhlEventService;
import io.recruitflow.application.applyghlevent.EventOutcome;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.applyghlevent.InboxDispatcher;
import io.recruitflow.application.intakerecruit.CreateOpportunityStep;
import io.recruitflow.application.intakerecruit.EnrollWorkflowStep;
import io.recruitflow.application.intakerecruit.IntakeAcceptance;
import io.recruitflow.application.intakerecruit.IntakeRecruitCommand;
import io.recruitflow.application.intakerecruit.IntakeRecruitService;
import io.recruitflow.application.intakerecruit.IntakeSaga;
import io.recruitflow.application.intakerecruit.SendIntroStep;
import io.recruitflow.application.intakerecruit.UpsertContactStep;
import io.recruitflow.application.jobs.RecruitflowJobs;
import io.recruitflow.application.outreach.MessageSender;
import io.recruitflow.application.outreach.RecipientProfile;
import io.recruitflow.application.sendrecruitmessage.SendRecruitMessageService;
import io.recruitflow.application.setup.LocationSetup;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ConversationMessage;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.recruit.LeadInput;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.PhoneNumbers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The application and the extension wired by hand on the in-memory adapters, as an embedder without a DI
 * container would: the extension's listener is simply one of the listeners given to the core.
 */
final class NoShowWorld {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final String LINK = "https://book.example.com/idecide?src=sms";

    /** A clock the test moves. */
    static final class TestClock implements Clock {
        private Instant now;

        TestClock(Instant start) {
            now = start;
        }

        @Override
        public synchronized Instant now() {
            return now;
        }

        synchronized void advance(Duration d) {
            now = now.plus(d);
        }
    }

    /** North American numbers, all in New York's time zone. */
    static final PhoneNumbers PHONES = new PhoneNumbers() {
        @Override
        public Optional<PhoneNumber> parse(String raw) {
            String digits = raw.replaceAll("\\D", "");
            return digits.length() == 10 ? Optional.of(new PhoneNumber("+1" + digits)) : Optional.empty();
        }

        @Override
        public Set<ZoneId> timeZones(PhoneNumber number) {
            return Set.of(NEW_YORK);
        }
    };

    final TestClock clock;
    final InMemoryAdapters adapters;
    final InMemoryGhl ghl;
    final AdvanceRecruitService advance;
    final NoShowFollowUpService followUp;
    final NoShowListener listener;
    final ApplyGhlEventService events;
    final IntakeRecruitService intake;

    NoShowWorld(String localNewYorkTime) {
        clock = new TestClock(
                LocalDateTime.parse(localNewYorkTime).atZone(NEW_YORK).toInstant());
        adapters = new InMemoryAdapters(clock);
        ghl = adapters.ghl();
        RecruitingSettings settings = RecruitingSettings.defaults();
        InMemorySuspendedLocations suspended = new InMemorySuspendedLocations();
        LocationSetup setup = new LocationSetup(ghl.pipelines(), ghl.workflows(), ghl.calendars(), settings);
        io.recruitflow.application.intakerecruit.LocationBacklog backlog =
                new io.recruitflow.application.intakerecruit.LocationBacklog();
        MessageSender sender = new MessageSender(
                adapters.messageLog(),
                ghl.conversations(),
                new RecipientProfile(PHONES, settings),
                settings,
                adapters.jobQueue(),
                suspended,
                clock);
        IntakeSaga saga = new IntakeSaga(
                adapters.recruits(),
                adapters.intakeJournal(),
                adapters.jobQueue(),
                suspended,
                backlog,
                clock,
                new UpsertContactStep(ghl.contactDirectory(), adapters.recruits(), settings),
                new CreateOpportunityStep(ghl.opportunities(), adapters.opportunityMirror(), setup, settings, clock),
                new SendIntroStep(sender, adapters.recruits(), settings),
                new EnrollWorkflowStep(ghl.workflows(), setup));
        intake = new IntakeRecruitService(PHONES, adapters.recruits(), adapters.intakeJournal(), saga, settings, clock);
        advance = new AdvanceRecruitService(
                adapters.recruits(), adapters.opportunityMirror(), ghl.opportunities(), setup, clock);
        SendRecruitMessageService messages = new SendRecruitMessageService(adapters.recruits(), sender, settings);

        // The extension: its use case on the application's use cases, its listener handed to the core.
        followUp = new NoShowFollowUpService(
                adapters.recruits(),
                adapters.appointments(),
                adapters.opportunityMirror(),
                advance,
                messages,
                NoShowFollowUpSettings.withDefaultTemplate(LINK));
        listener = new NoShowListener(followUp, adapters.recruits());
        events = new ApplyGhlEventService(
                adapters.recruits(),
                adapters.opportunityMirror(),
                adapters.appointments(),
                advance,
                setup,
                adapters.processedEvents(),
                ghl.installations(),
                suspended,
                Set.of(listener));

        InboxDispatcher dispatcher =
                new InboxDispatcher(adapters.eventInbox(), (type, body) -> Optional.empty(), events, clock);
        adapters.jobQueue()
                .bind(new RecruitflowJobs(saga, sender, adapters.messageLog(), adapters.recruits(), dispatcher, clock));
    }

    /** A lead accepted and taken through intake: a GHL contact with an opportunity, intro text sent. */
    RecruitId recruitInGhl(String first, String phone, String email) {
        LeadInput lead = new LeadInput(
                first,
                "Smith",
                email,
                phone,
                "NY",
                "W" + Math.abs(first.hashCode() % 100_000),
                List.of("Life"),
                "PropHog",
                Map.of());
        IntakeAcceptance a = intake.accept(new IntakeRecruitCommand(InMemoryGhl.LOCATION, lead));
        RecruitId id = ((IntakeAcceptance.Accepted) a).recruit();
        runJobs();
        return id;
    }

    int runJobs() {
        return adapters.jobQueue().runDue(clock.now());
    }

    Recruit recruit(RecruitId id) {
        return adapters.recruits().find(id).orElseThrow();
    }

    ContactId contactOf(RecruitId id) {
        return recruit(id).contactId().orElseThrow();
    }

    Opportunity opportunity(RecruitId id) {
        return adapters.opportunityMirror().findByContact(contactOf(id)).orElseThrow();
    }

    EventOutcome deliver(GhlEvent event) {
        return events.apply(new ApplyGhlEventCommand(event));
    }

    /** An AppointmentCreate/Update as GHL would send it, stamped now. */
    GhlEvent.AppointmentChanged appointment(ContactId contact, AppointmentId id, AppointmentStatus status) {
        return appointmentAt(contact, id, status, clock.now());
    }

    GhlEvent.AppointmentChanged appointmentAt(
            ContactId contact, AppointmentId id, AppointmentStatus status, Instant occurredAt) {
        Instant start = Instant.parse("2026-02-13T16:00:00Z");
        return new GhlEvent.AppointmentChanged(
                eventId(),
                InMemoryGhl.LOCATION,
                occurredAt,
                status == AppointmentStatus.NEW,
                id,
                InMemoryGhl.CALENDAR,
                contact,
                "iDecide Presentation - Smith",
                start,
                start.plus(Duration.ofMinutes(30)),
                status);
    }

    GhlEvent.MessageReceived reply(ContactId contact, String body) {
        return new GhlEvent.MessageReceived(
                eventId(), InMemoryGhl.LOCATION, clock.now(), contact, Optional.empty(), Channel.SMS, body);
    }

    /** The texts GHL accepted that carry the rebooking link. */
    List<ConversationMessage> followUpTexts() {
        return ghl.sentMessages().stream().filter(m -> m.body().contains(LINK)).toList();
    }

    static String eventId() {
        return UUID.randomUUID().toString();
    }
}
