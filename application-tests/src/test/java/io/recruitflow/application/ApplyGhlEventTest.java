package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.applyghlevent.EventOutcome;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.outreach.SendOutcome;
import io.recruitflow.application.schedulepresentation.BookingResult;
import io.recruitflow.application.schedulepresentation.SchedulePresentationCommand;
import io.recruitflow.application.sendrecruitmessage.SendRecruitMessageCommand;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApplyGhlEventTest {
    World w;
    RecruitId id;
    ContactId contact;

    @BeforeEach
    void aContactedRecruit() {
        w = new World("2026-02-12T10:00");
        id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
        w.runJobs();
        contact = w.recruit(id).contactId().orElseThrow();
    }

    GhlEvent.MessageReceived reply(String body) {
        w.clock.advance(Duration.ofMinutes(1));
        return new GhlEvent.MessageReceived(
                World.eventId(), InMemoryGhl.LOCATION, w.clock.now(), contact, Optional.empty(), Channel.SMS, body);
    }

    Opportunity opportunity() {
        return w.adapters.opportunityMirror().findByContact(contact).orElseThrow();
    }

    @Test
    void aReplyMovesTheRecruitToInterestedInGhlAndInOurMirror() {
        assertThat(w.deliver(reply("Sure, tell me more"))).isInstanceOf(EventOutcome.Applied.class);
        assertThat(opportunity().stage()).isEqualTo(RecruitingStage.INTERESTED);
        assertThat(w.ghl.allOpportunities().get(0).stage()).isEqualTo(InMemoryGhl.STAGE_INTERESTED);
    }

    @Test
    void stopOptsOutLosesTheOpportunityAndBlocksEveryLaterText() {
        w.deliver(reply("  Stop "));
        assertThat(w.recruit(id).consent().optedOut()).isTrue();
        assertThat(opportunity().status()).isEqualTo(OpportunityStatus.LOST);
        assertThat(w.ghl.allOpportunities().get(0).status()).isEqualTo(OpportunityStatus.LOST);

        SendOutcome outcome = w.messages.send(new SendRecruitMessageCommand(
                id, Channel.SMS, "One more thing...", Optional.empty(), new MessageKey("follow-up/1")));
        assertThat(outcome).isInstanceOf(SendOutcome.Refused.class);
        assertThat(w.ghl.sentMessages()).hasSize(1);
        // A later reply does not revive a lost opportunity.
        w.deliver(reply("actually yes"));
        assertThat(opportunity().status()).isEqualTo(OpportunityStatus.LOST);
    }

    @Test
    void aDeletedOpportunityIsNotResurrectedByTheOpportunityUpdateGhlSendsAfterTheDelete() {
        Opportunity held = opportunity();
        w.clock.advance(Duration.ofMinutes(1));
        w.deliver(new GhlEvent.OpportunityDeleted(
                World.eventId(), InMemoryGhl.LOCATION, w.clock.now(), held.id(), Optional.of(contact)));
        // highlevel-api-docs #27: OpportunityDelete is followed by an OpportunityUpdate of the same opportunity.
        EventOutcome trailing = w.deliver(new GhlEvent.OpportunityChanged(
                World.eventId(),
                InMemoryGhl.LOCATION,
                w.clock.now().plusMillis(5),
                GhlEvent.OpportunityChange.UPDATED,
                held.id(),
                contact,
                InMemoryGhl.PIPELINE,
                InMemoryGhl.STAGE_CONTACTED,
                OpportunityStatus.OPEN,
                BigDecimal.ZERO));

        assertThat(trailing).isInstanceOf(EventOutcome.Ignored.class);
        assertThat(w.adapters.opportunityMirror().find(held.id())).isEmpty();
        assertThat(w.funnel
                        .funnel(io.recruitflow.application.recruitingfunnel.FunnelQuery.all())
                        .stages())
                .as("the funnel shows no deleted opportunity")
                .allSatisfy(s -> assertThat(s.count()).isZero());
    }

    @Test
    void aReplyForAnOpportunityDeletedInGhlTombstonesItInsteadOfFailingForever() {
        Opportunity held = opportunity();
        w.ghl.opportunities().delete(held.id()); // deleted in GHL; its OpportunityDelete is not here yet

        EventOutcome outcome = w.deliver(reply("Sure, tell me more"));

        assertThat(outcome).isInstanceOf(EventOutcome.Ignored.class);
        assertThat(w.adapters.opportunityMirror().find(held.id())).isEmpty();
        assertThat(w.adapters.opportunityMirror().save(held)).as("tombstoned").isFalse();
    }

    @Test
    void theSameEventIsAppliedOnce() {
        GhlEvent.MessageReceived event = reply("yes");
        w.deliver(event);
        assertThat(w.deliver(event)).isInstanceOf(EventOutcome.AlreadyApplied.class);
    }

    @Test
    void bookingAndANoShow() {
        w.deliver(reply("yes"));
        BookingResult result = w.presentations.schedule(new SchedulePresentationCommand(id, Optional.empty()));
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        Appointment booked = ((BookingResult.Booked) result).appointment();
        assertThat(booked.title()).isEqualTo("iDecide Presentation - John Smith");
        assertThat(booked.start()).isAfter(w.clock.now());
        assertThat(opportunity().stage()).isEqualTo(RecruitingStage.PRESENTATION_SCHEDULED);

        w.clock.advance(Duration.ofDays(1));
        w.deliver(new GhlEvent.AppointmentChanged(
                World.eventId(),
                InMemoryGhl.LOCATION,
                w.clock.now(),
                false,
                booked.id(),
                booked.calendar(),
                contact,
                booked.title(),
                booked.start(),
                booked.end(),
                AppointmentStatus.NOSHOW));
        assertThat(opportunity().stage()).isEqualTo(RecruitingStage.INTERESTED);
        assertThat(w.adapters.appointments().find(booked.id()).orElseThrow().status())
                .isEqualTo(AppointmentStatus.NOSHOW);
    }

    @Test
    void aRequestedStartMustBeAFreeSlot() {
        BookingResult result = w.presentations.schedule(
                new SchedulePresentationCommand(id, Optional.of(Instant.parse("2026-02-14T03:17:00Z"))));
        assertThat(result).isInstanceOf(BookingResult.NoFreeSlot.class);
    }

    @Test
    void olderOpportunityEventsNeverOverwriteNewerState() {
        Instant first = w.clock.now().plusSeconds(60);
        Opportunity o = opportunity();
        w.deliver(new GhlEvent.OpportunityChanged(
                World.eventId(),
                InMemoryGhl.LOCATION,
                first.plusSeconds(60),
                GhlEvent.OpportunityChange.STAGE_CHANGED,
                o.id(),
                contact,
                InMemoryGhl.PIPELINE,
                InMemoryGhl.STAGE_PRESENTATION,
                OpportunityStatus.OPEN,
                BigDecimal.ZERO));
        EventOutcome late = w.deliver(new GhlEvent.OpportunityChanged(
                World.eventId(),
                InMemoryGhl.LOCATION,
                first,
                GhlEvent.OpportunityChange.STAGE_CHANGED,
                o.id(),
                contact,
                InMemoryGhl.PIPELINE,
                InMemoryGhl.STAGE_CONTACTED,
                OpportunityStatus.OPEN,
                BigDecimal.ZERO));
        assertThat(late).isInstanceOf(EventOutcome.Ignored.class);
        assertThat(opportunity().stage()).isEqualTo(RecruitingStage.PRESENTATION_SCHEDULED);
    }

    @Test
    void uninstallStopsAllSendingForTheLocation() {
        w.deliver(new GhlEvent.AppUninstalled(World.eventId(), InMemoryGhl.LOCATION, w.clock.now(), Optional.empty()));
        SendOutcome outcome = w.messages.send(new SendRecruitMessageCommand(
                id, Channel.SMS, "Hello again", Optional.empty(), new MessageKey("follow-up/2")));
        assertThat(outcome).isInstanceOf(SendOutcome.Refused.class);
        RecruitId other = w.accept(World.lead("Ann", "Lee", "4075550000", null, "NY"));
        w.runJobs();
        assertThat(w.recruit(other).contactId()).isEmpty();
        w.deliver(new GhlEvent.AppInstalled(World.eventId(), InMemoryGhl.LOCATION, w.clock.now(), Optional.empty()));
        w.clock.advance(Duration.ofMinutes(6));
        w.runJobs();
        assertThat(w.recruit(other).contactId()).isPresent();
    }
}
