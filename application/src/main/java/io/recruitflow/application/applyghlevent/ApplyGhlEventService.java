package io.recruitflow.application.applyghlevent;

import io.recruitflow.application.advancerecruit.AdvanceRecruitCommand;
import io.recruitflow.application.advancerecruit.AdvanceRecruitUseCase;
import io.recruitflow.application.advancerecruit.AdvanceResult;
import io.recruitflow.application.intakerecruit.IntakeSaga;
import io.recruitflow.application.nurture.Nurture;
import io.recruitflow.application.nurture.NurtureStageMoves;
import io.recruitflow.application.port.Installations;
import io.recruitflow.application.replies.InboundReplies;
import io.recruitflow.application.setup.LocationSetup;
import io.recruitflow.application.setup.RecruitUpdater;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.appointment.Appointments;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.nurture.NurtureEvent;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.pipeline.RecruitingPipeline;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.pipeline.StageChange;
import io.recruitflow.domain.recruit.Consent;
import io.recruitflow.domain.recruit.DoNotDisturb;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.ProcessedEvents;
import io.recruitflow.domain.shared.SuspendedLocations;
import io.recruitflow.domain.shared.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Turns GHL events into changes of our recruits, their opportunities and appointments. */
@Singleton
public class ApplyGhlEventService implements ApplyGhlEventUseCase {
    private final Recruits recruits;
    private final OpportunityMirror mirror;
    private final Appointments appointments;
    private final AdvanceRecruitUseCase advance;
    private final LocationSetup setup;
    private final ProcessedEvents processed;
    private final Installations installations;
    private final SuspendedLocations suspended;
    private final Set<GhlEventListener> listeners;
    private final InboundReplies replies;
    private final Optional<Nurture> nurture;
    private final MessageLog messages;

    /**
     * @param nurture told of the news that cancels nurture steps (a reply, a booking, a stage move, an opt-out),
     *     before anything slower is done with the event, and of the replies that matter; null for none
     */
    @Inject
    public ApplyGhlEventService(
            Recruits recruits,
            OpportunityMirror mirror,
            Appointments appointments,
            AdvanceRecruitUseCase advance,
            LocationSetup setup,
            ProcessedEvents processed,
            Installations installations,
            SuspendedLocations suspended,
            Set<GhlEventListener> listeners,
            InboundReplies replies,
            MessageLog messages,
            Nurture nurture) {
        this.nurture = Optional.ofNullable(nurture);
        this.recruits = recruits;
        this.mirror = mirror;
        this.appointments = appointments;
        this.advance = advance;
        this.setup = setup;
        this.processed = processed;
        this.installations = installations;
        this.suspended = suspended;
        this.listeners = Set.copyOf(listeners);
        this.replies = replies;
        this.messages = messages;
    }

    @Override
    public EventOutcome apply(ApplyGhlEventCommand command) {
        GhlEvent event = command.event();
        if (processed.isProcessed(event.eventId())) {
            return new EventOutcome.AlreadyApplied();
        }
        EventOutcome outcome = dispatch(event);
        for (GhlEventListener listener : listeners) {
            listener.applied(event, outcome);
        }
        // Marked after applying: a crash in between re-applies, and every handler and listener is idempotent.
        processed.markProcessed(event.eventId());
        return outcome;
    }

    private EventOutcome dispatch(GhlEvent event) {
        if (event instanceof GhlEvent.MessageReceived e) {
            return inbound(e);
        } else if (event instanceof GhlEvent.MessageSent e) {
            if (e.notDelivered()) {
                // The text never reached the phone: the recruit was not contacted (DeliveryReports records why).
                return withRecruit(e.contactId(), r -> undelivered(r, e));
            }
            // Usually the opportunity was created at Contacted once GHL accepted the intro: then nothing moves and
            // no call is made; a deferred intro's opportunity waits at the first stage and moves now.
            return withRecruit(
                    e.contactId(),
                    r -> moved(advance.advance(
                            new AdvanceRecruitCommand(r.id(), RecruitingStage.CONTACTED, StageChange.Cause.OUTREACH))));
        } else if (event instanceof GhlEvent.AppointmentChanged e) {
            return appointment(e);
        } else if (event instanceof GhlEvent.AppointmentDeleted e) {
            appointments
                    .find(e.appointmentId())
                    .flatMap(a -> recruits.findByContact(a.contact()))
                    .ifPresent(r -> news(
                            r,
                            NurtureEvent.about(
                                    NurtureEvent.Kind.APPOINTMENT_CANCELLED,
                                    e.appointmentId().value(),
                                    e.occurredAt(),
                                    "appointment deleted")));
            appointments.delete(e.appointmentId());
            return new EventOutcome.Applied("appointment " + e.appointmentId() + " deleted");
        } else if (event instanceof GhlEvent.OpportunityChanged e) {
            return opportunity(e);
        } else if (event instanceof GhlEvent.OpportunityDeleted e) {
            mirror.delete(e.opportunityId());
            return new EventOutcome.Applied("opportunity " + e.opportunityId() + " deleted");
        } else if (event instanceof GhlEvent.DndChanged e) {
            return withRecruit(e.contactId(), r -> dnd(r, e.dnd(), true, e.occurredAt(), "DND"));
        } else if (event instanceof GhlEvent.ContactChanged e) {
            return withRecruit(e.contactId(), r -> {
                // The address state joins the recruit's jurisdictions; an event without one changes nothing.
                RecruitUpdater.update(
                        recruits,
                        r.id(),
                        x -> x.withTags(e.tags())
                                .withAddressState(e.addressState().or(x::addressState)));
                // A contact event carries dnd but no dndSettings: it may set DND, never clear it.
                return dnd(r, e.dnd(), false, e.occurredAt(), "contact updated; DND");
            });
        } else if (event instanceof GhlEvent.TagsChanged e) {
            return withRecruit(e.contactId(), r -> {
                RecruitUpdater.update(recruits, r.id(), x -> x.withTags(e.tags()));
                return new EventOutcome.Applied("tags updated");
            });
        } else if (event instanceof GhlEvent.ContactDeleted e) {
            return withRecruit(e.contactId(), r -> new EventOutcome.Applied("contact deleted in GHL; recruit kept"));
        } else if (event instanceof GhlEvent.AppInstalled e) {
            return installed(e);
        } else if (event instanceof GhlEvent.AppUninstalled e) {
            installations.remove(e.location());
            suspended.suspend(e.location(), "app uninstalled at " + e.occurredAt());
            return new EventOutcome.Applied("location " + e.location() + " suspended, access removed");
        }
        // NoteCreated, TaskCreated, ConversationUnread: informational for recruiting.
        return new EventOutcome.Ignored(event.getClass().getSimpleName() + " needs no action");
    }

    /**
     * Applies what GHL said of the contact's do-not-disturb (for the channel we reach the recruit on); only an
     * explicit DND event ({@code explicit}) may clear it, and news older than the last change applied is not.
     */
    private EventOutcome dnd(Recruit r, DoNotDisturb reported, boolean explicit, Instant at, String what) {
        boolean on = r.blockedBy(reported);
        Consent now = RecruitUpdater.update(
                        recruits, r.id(), x -> x.withConsent(x.consent().dndReported(on, explicit, at)))
                .map(Recruit::consent)
                .orElse(r.consent());
        Optional<Instant> newer = now.dndChangedAt().filter(at::isBefore);
        if (newer.isPresent() && explicit) {
            return new EventOutcome.Ignored(what + ": older than the consent change of " + newer.get());
        }
        return new EventOutcome.Applied(what + " " + (now.dnd() ? "on" : "off"));
    }

    /**
     * The recruit's intro never reached the phone: a recruit the intake placed at Contacted because GHL accepted the
     * text goes back to the first stage (a retry that is delivered moves it on again). Any other text, or a recruit
     * past Contacted, changes no stage.
     */
    private EventOutcome undelivered(Recruit r, GhlEvent.MessageSent e) {
        boolean intro = e.messageId()
                .flatMap(messages::findByMessageId)
                .map(MessageRecord::key)
                .filter(IntakeSaga.introKey(r.id())::equals)
                .isPresent();
        boolean contacted = mirror.findByContact(e.contactId())
                .filter(o -> o.stage() == RecruitingStage.CONTACTED)
                .isPresent();
        if (!intro || !contacted) {
            return new EventOutcome.Ignored("text not delivered");
        }
        return moved(advance.advance(
                new AdvanceRecruitCommand(r.id(), RecruitingStage.first(), StageChange.Cause.UNDELIVERED)));
    }

    private EventOutcome inbound(GhlEvent.MessageReceived e) {
        return withRecruit(e.contactId(), r -> {
            // Any message from the recruit stops their follow-ups first, before it is read (the news is stored while
            // a follow-up may be waiting for its permit).
            news(r, NurtureEvent.of(NurtureEvent.Kind.REPLIED, e.occurredAt(), "the recruit replied"));
            // An opt-out, a reply held for review, START or HELP; anything else is interest.
            Optional<String> consent = replies.received(r, e.eventId(), e.occurredAt(), e.body());
            if (consent.isPresent()) {
                if (recruits.find(r.id()).filter(x -> x.consent().optedOut()).isPresent()) {
                    news(r, NurtureEvent.of(NurtureEvent.Kind.OPTED_OUT, e.occurredAt(), "the recruit opted out"));
                }
                return new EventOutcome.Applied(consent.get());
            }
            EventOutcome outcome = moved(advance.advance(
                    new AdvanceRecruitCommand(r.id(), RecruitingStage.INTERESTED, StageChange.Cause.REPLY)));
            String what = outcome instanceof EventOutcome.Applied a
                    ? a.what()
                    : outcome instanceof EventOutcome.Ignored i ? "stage unchanged: " + i.why() : "read as interest";
            nurture.ifPresent(n -> n.replied(r, e.eventId(), e.occurredAt(), what));
            return outcome;
        });
    }

    /** Tells the nurture of news that may cancel the recruit's steps. */
    private void news(Recruit recruit, NurtureEvent event) {
        nurture.ifPresent(n -> n.cancel(recruit.id(), event));
    }

    private EventOutcome appointment(GhlEvent.AppointmentChanged e) {
        Appointment appointment = new Appointment(
                e.appointmentId(),
                e.calendar(),
                e.location(),
                e.contactId(),
                e.title(),
                e.start(),
                e.end(),
                e.status(),
                e.occurredAt());
        Optional<Appointment> before = appointments.find(e.appointmentId());
        if (!appointments.save(appointment)) {
            return new EventOutcome.Ignored("older than the appointment we hold");
        }
        return withRecruit(e.contactId(), r -> {
            appointmentNews(r, before, appointment);
            if (e.status() == AppointmentStatus.NOSHOW) {
                return moved(advance.advance(
                        new AdvanceRecruitCommand(r.id(), RecruitingStage.INTERESTED, StageChange.Cause.NO_SHOW)));
            }
            if (e.status().active()) {
                return moved(advance.advance(new AdvanceRecruitCommand(
                        r.id(), RecruitingStage.PRESENTATION_SCHEDULED, StageChange.Cause.BOOKING)));
            }
            return new EventOutcome.Applied("appointment " + e.status());
        });
    }

    /** What an appointment's change means for nurture steps: booked, moved, cancelled, showed, missed. */
    private void appointmentNews(Recruit r, Optional<Appointment> before, Appointment now) {
        String id = now.id().value();
        Instant at = now.updatedAt();
        AppointmentStatus status = now.status();
        if (status == AppointmentStatus.NOSHOW) {
            news(r, NurtureEvent.about(NurtureEvent.Kind.NO_SHOW, id, at, "the recruit did not show up"));
        } else if (status == AppointmentStatus.SHOWED) {
            news(r, NurtureEvent.about(NurtureEvent.Kind.SHOWED, id, at, "the recruit showed up"));
        } else if (status.active()) {
            if (before.isEmpty() || !before.get().status().active()) {
                news(r, NurtureEvent.about(NurtureEvent.Kind.BOOKED, id, at, "a presentation was booked"));
            } else if (!before.get().start().equals(now.start())) {
                news(r, NurtureEvent.about(NurtureEvent.Kind.APPOINTMENT_MOVED, id, at, "the appointment moved"));
            }
        } else {
            news(r, NurtureEvent.about(NurtureEvent.Kind.APPOINTMENT_CANCELLED, id, at, "appointment " + status));
        }
    }

    private EventOutcome opportunity(GhlEvent.OpportunityChanged e) {
        RecruitingPipeline pipeline = setup.of(e.location()).pipeline();
        if (!pipeline.pipelineId().equals(e.pipeline())) {
            return new EventOutcome.Ignored("not the recruiting pipeline");
        }
        Optional<RecruitingStage> stage = pipeline.stageOf(e.stage());
        if (stage.isEmpty()) {
            return new EventOutcome.Ignored("stage " + e.stage() + " is not a recruiting stage");
        }
        Opportunity next = mirror.find(e.opportunityId())
                .flatMap(o -> o.reportedByGhl(stage.get(), e.status(), e.occurredAt()))
                .orElseGet(() -> new Opportunity(
                        e.opportunityId(),
                        e.location(),
                        e.contactId(),
                        "",
                        e.pipeline(),
                        stage.get(),
                        e.status(),
                        e.monetaryValue(),
                        Optional.empty(),
                        e.occurredAt(),
                        0));
        Optional<UserId> reassigned =
                e.change() == GhlEvent.OpportunityChange.ASSIGNED ? e.assignedTo() : Optional.empty();
        if (reassigned.isPresent()) {
            next = next.withAssignedTo(reassigned.get(), next.updatedAt());
        }
        Optional<RecruitingStage> was = mirror.find(e.opportunityId()).map(Opportunity::stage);
        // The mirror refuses state older than what it holds: out-of-order events change nothing.
        if (!mirror.save(next)) {
            return new EventOutcome.Ignored("deleted, or older than the opportunity we hold");
        }
        // A user reassigned the opportunity in GHL: the recruit's recruiter follows (reports group by it).
        reassigned.ifPresent(user -> recruits.findByContact(e.contactId())
                .ifPresent(r -> RecruitUpdater.update(recruits, r.id(), x -> x.assignedTo(user))));
        RecruitingStage now = next.stage();
        if (nurture.isPresent() && was.isPresent() && was.get() != now) {
            recruits.findByContact(e.contactId())
                    .ifPresent(r -> NurtureStageMoves.stageMoved(
                            nurture.get(), r.id(), was.get(), now, e.occurredAt(), "in GHL"));
        }
        return new EventOutcome.Applied("opportunity at " + next.stage() + " / " + next.status()
                + reassigned.map(u -> ", assigned to " + u).orElse(""));
    }

    /**
     * The app was installed on the location: it is active again, and its access is kept or obtained. An
     * install that names no agency (GHL's "future locations") and finds no access held cannot be completed
     * here: the outcome says so and the inbox keeps it, rather than the location looking installed.
     */
    private EventOutcome installed(GhlEvent.AppInstalled e) {
        suspended.resume(e.location());
        Installations.LocationAccess access = installations.addLocation(e.company(), e.location());
        return switch (access) {
            case OBTAINED -> new EventOutcome.Applied("location " + e.location() + " installed, access stored");
            case HELD -> new EventOutcome.Applied("location " + e.location() + " installed, access already held");
            case NOT_SELF_INSTALLABLE -> new EventOutcome.Applied("location " + e.location() + " active");
            case UNOBTAINABLE ->
                new EventOutcome.NotApplied("location " + e.location()
                        + " installed without access: the install names no agency and no access is held;"
                        + " install the app on it again");
        };
    }

    private EventOutcome withRecruit(ContactId contact, java.util.function.Function<Recruit, EventOutcome> action) {
        return recruits.findByContact(contact)
                .map(action)
                .orElseGet(() -> new EventOutcome.Ignored("contact " + contact + " is not a recruit"));
    }

    private static EventOutcome moved(AdvanceResult result) {
        if (result instanceof AdvanceResult.Moved m) {
            return new EventOutcome.Applied(
                    "moved " + m.before().stage() + " → " + m.after().stage());
        }
        if (result instanceof AdvanceResult.Unchanged) {
            return new EventOutcome.Ignored("already there");
        }
        if (result instanceof AdvanceResult.Refused r) {
            return new EventOutcome.Ignored(r.reason());
        }
        return new EventOutcome.Ignored(((AdvanceResult.NotFound) result).reason());
    }
}
