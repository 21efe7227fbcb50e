package io.recruitflow.extension.noshow;

import io.recruitflow.adapter.inmemory.InMemoryAdapters;
import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.adapter.inmemory.ManualClock;
import io.recruitflow.application.World;
import io.recruitflow.application.applyghlevent.EventOutcome;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.recruit.Contact;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * The application's {@link World} with the extension wired in, as an embedder without a DI container would:
 * the extension's use case is built on the domain's ports, and its listener is simply one of the listeners given
 * to the core.
 */
final class NoShowWorld {
    static final ZoneId NEW_YORK = World.NEW_YORK;

    final World world;
    final ManualClock clock;
    final InMemoryAdapters adapters;
    final InMemoryGhl ghl;
    // Set while the world wires the extension.
    NoShowFollowUpService followUp;
    NoShowListener listener;

    NoShowWorld(String localNewYorkTime) {
        world = new World(localNewYorkTime, RecruitingSettings.defaults(), (core, advance, messages) -> {
            followUp = new NoShowFollowUpService(
                    core.recruits(),
                    core.appointments(),
                    core.ghl().contactDirectory(),
                    NoShowFollowUpSettings.defaults());
            listener = new NoShowListener(followUp, core.recruits());
            return Set.of(listener);
        });
        clock = world.clock;
        adapters = world.adapters;
        ghl = world.ghl;
    }

    /** A lead accepted and taken through intake: a GHL contact with an opportunity, intro text sent. */
    RecruitId recruitInGhl(String first, String phone, String email) {
        RecruitId id = world.accept(World.lead(first, "Smith", phone, email, "NY", "Life"));
        runJobs();
        return id;
    }

    int runJobs() {
        return world.runJobs();
    }

    Recruit recruit(RecruitId id) {
        return world.recruit(id);
    }

    ContactId contactOf(RecruitId id) {
        return recruit(id).contactId().orElseThrow();
    }

    /** The contact as GHL holds it. */
    Contact contact(ContactId id) {
        return ghl.contactDirectory().all().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    Set<String> tagsOf(ContactId id) {
        return contact(id).tags();
    }

    Opportunity opportunity(RecruitId id) {
        return adapters.opportunityMirror().findByContact(contactOf(id)).orElseThrow();
    }

    EventOutcome deliver(GhlEvent event) {
        return world.deliver(event);
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

    static String eventId() {
        return World.eventId();
    }
}
