package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.outbound.EventTaps;
import io.recruitflow.application.outbound.RecruitEventsFromGhl;
import io.recruitflow.application.port.RecruitEvent;
import io.recruitflow.application.port.RecruitEventType;
import io.recruitflow.application.schedulepresentation.BookingResult;
import io.recruitflow.application.schedulepresentation.SchedulePresentationCommand;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.shared.ContactId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recruit events that follow from what the core records: GHL's news applied, a failed intake step. */
class RecruitEventsFromFactsTest {
    final List<RecruitEvent> published = new CopyOnWriteArrayList<>();
    World w;
    RecruitId id;
    ContactId contact;

    @BeforeEach
    void aContactedRecruit() {
        w = new World(
                "2026-02-12T10:00",
                RecruitingSettings.defaults(),
                (adapters, advance, messages) -> Set.of(new RecruitEventsFromGhl(
                        adapters.recruits(), adapters.recruitReplies(), adapters.opportunityMirror(), published::add)));
        id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
        w.runJobs();
        contact = w.recruit(id).contactId().orElseThrow();
    }

    List<RecruitEventType> types() {
        return published.stream().map(RecruitEvent::type).toList();
    }

    GhlEvent.MessageReceived reply(String body) {
        w.clock.advance(Duration.ofMinutes(1));
        return new GhlEvent.MessageReceived(
                World.eventId(), InMemoryGhl.LOCATION, w.clock.now(), contact, Optional.empty(), Channel.SMS, body);
    }

    @Test
    void aStallIsAnnouncedAsRecruitStalledUnderOneIdHoweverOftenTheSweepReportsIt() {
        java.time.Instant since = w.clock.now();
        w.clock.advance(Duration.ofDays(9));
        io.recruitflow.domain.pipeline.StallAlert alert = new io.recruitflow.domain.pipeline.StallAlert(
                id,
                InMemoryGhl.LOCATION,
                io.recruitflow.domain.pipeline.RecruitingStage.CONTACTED,
                since,
                Duration.ofDays(8),
                w.clock.now());
        io.recruitflow.application.outbound.RecruitEventsFromStalls stalls =
                new io.recruitflow.application.outbound.RecruitEventsFromStalls(w.adapters.recruits(), published::add);

        stalls.stalled(alert);
        stalls.stalled(alert); // the sweep again after a crash

        assertThat(types()).containsExactly(RecruitEventType.STALLED, RecruitEventType.STALLED);
        assertThat(published.get(0).id()).isEqualTo(published.get(1).id());
        assertThat(published.get(0).recruit()).isEqualTo(id);
        assertThat(published.get(0).stage()).contains(io.recruitflow.domain.pipeline.RecruitingStage.CONTACTED);
        assertThat(published.get(0).details()).containsEntry("since", since.toString());
    }

    @Test
    void aReplyABookingANoShowAndTheContractAreAnnouncedOnceEach() {
        GhlEvent.MessageReceived yes = reply("Sure, tell me more");
        w.deliver(yes);
        w.deliver(yes); // GHL's retry: applied once, announced once
        BookingResult result = w.presentations.schedule(new SchedulePresentationCommand(id, Optional.empty()));
        Appointment booked = ((BookingResult.Booked) result).appointment();
        GhlEvent.AppointmentChanged created = appointment(booked, AppointmentStatus.CONFIRMED);
        w.deliver(created);
        w.clock.advance(Duration.ofDays(1));
        w.deliver(appointment(booked, AppointmentStatus.NOSHOW));
        Opportunity o = w.adapters.opportunityMirror().findByContact(contact).orElseThrow();
        w.clock.advance(Duration.ofDays(2));
        GhlEvent.OpportunityChanged signed = new GhlEvent.OpportunityChanged(
                World.eventId(),
                InMemoryGhl.LOCATION,
                w.clock.now(),
                GhlEvent.OpportunityChange.STAGE_CHANGED,
                o.id(),
                contact,
                InMemoryGhl.PIPELINE,
                InMemoryGhl.STAGE_CONTRACTED,
                OpportunityStatus.OPEN,
                BigDecimal.ZERO);
        w.deliver(signed);
        assertThat(types())
                .containsExactly(
                        RecruitEventType.REPLIED,
                        RecruitEventType.BOOKED,
                        RecruitEventType.NO_SHOW,
                        RecruitEventType.CONTRACTED);
        assertThat(published.get(2).id())
                .as("the id presentations' no-show gets for the same appointment")
                .isEqualTo(RecruitEvent.noShow(w.recruit(id), booked.id().value(), w.clock.now())
                        .id());
        assertThat(published).allSatisfy(e -> {
            assertThat(e.recruit()).isEqualTo(id);
            assertThat(e.contact()).contains(contact);
            assertThat(e.details().values()).noneMatch(v -> v.contains("John") || v.contains("407"));
        });
    }

    @Test
    void stopIsAnOptOutNotAReply() {
        w.deliver(reply("STOP"));
        assertThat(types()).containsExactly(RecruitEventType.OPTED_OUT);
        assertThat(published.get(0).details()).containsEntry("how", "opt_out_reply");
    }

    @Test
    void aStepJournaledFailedIsAnnouncedWithItsStepOnly() {
        IntakeJournal journal = EventTaps.journal(w.adapters.intakeJournal(), w.adapters.recruits(), published::add);
        StepRecord record = journal.find(id, IntakeStep.ENROLL_WORKFLOW).orElseThrow();
        journal.save(record.failed("GHL said: John Smith +14075551234 is not allowed", w.clock.now()));
        assertThat(types()).containsExactly(RecruitEventType.INTAKE_FAILED);
        assertThat(published.get(0).details()).containsExactly(java.util.Map.entry("step", "enroll_workflow"));
    }

    GhlEvent.AppointmentChanged appointment(Appointment a, AppointmentStatus status) {
        return new GhlEvent.AppointmentChanged(
                World.eventId(),
                InMemoryGhl.LOCATION,
                w.clock.now(),
                false,
                a.id(),
                a.calendar(),
                contact,
                a.title(),
                a.start(),
                a.end(),
                status);
    }
}
