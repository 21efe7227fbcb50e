package io.recruitflow.extension.noshow;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.GhlFaults;
import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.advancerecruit.AdvanceResult;
import io.recruitflow.application.applyghlevent.EventOutcome;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.outreach.SendOutcome;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.DoNotDisturb;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.ExternalFailure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The no-show follow-up on the in-memory adapters, driven the way production drives it: GHL events applied by
 * the core, which tells the extension's listener.
 */
class NoShowFollowUpTest {
    static final AppointmentId APPOINTMENT = new AppointmentId("apt_presentation_1");
    static final String EXPECTED_TEXT =
            "Hi John, sorry we missed you! Pick a new time for your iDecide presentation: " + NoShowWorld.LINK;

    NoShowWorld w;
    RecruitId id;
    ContactId contact;

    /** Thursday 10:00 in New York: John is texted his intro, replies, and books a presentation for Friday. */
    @BeforeEach
    void aRecruitWithABookedPresentation() {
        w = new NoShowWorld("2026-02-12T10:00");
        id = w.recruitInGhl("John", "4075551234", null);
        contact = w.contactOf(id);
        w.clock.advance(Duration.ofMinutes(5));
        w.deliver(w.reply(contact, "yes, tell me more"));
        w.clock.advance(Duration.ofMinutes(5));
        w.deliver(w.appointment(contact, APPOINTMENT, AppointmentStatus.CONFIRMED));
        assertThat(w.opportunity(id).stage()).isEqualTo(RecruitingStage.PRESENTATION_SCHEDULED);
        assertThat(w.ghl.sentMessages()).hasSize(1); // the intro
        w.clock.advance(Duration.ofDays(1)); // Friday 10:10, after the presentation
    }

    @Test
    void aNoShowTextsTheRebookingLinkOnceAndMovesTheRecruitBackToInterested() {
        EventOutcome outcome = w.deliver(w.appointment(contact, APPOINTMENT, AppointmentStatus.NOSHOW));

        assertThat(outcome).isInstanceOf(EventOutcome.Applied.class);
        assertThat(w.followUpTexts()).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo(EXPECTED_TEXT);
            assertThat(m.contact()).isEqualTo(contact);
        });
        assertThat(w.ghl.sentMessages()).hasSize(2);
        assertThat(w.opportunity(id).stage()).isEqualTo(RecruitingStage.INTERESTED);
        assertThat(w.ghl.allOpportunities())
                .singleElement()
                .satisfies(o -> assertThat(o.stage()).isEqualTo(InMemoryGhl.STAGE_INTERESTED));
        assertThat(w.adapters
                        .messageLog()
                        .find(NoShowFollowUpService.keyOf(APPOINTMENT))
                        .orElseThrow()
                        .state())
                .isEqualTo(SendState.SENT);
    }

    @Test
    void theSameNoShowReportedAgainIsStillOneText() {
        GhlEvent.AppointmentChanged noShow = w.appointment(contact, APPOINTMENT, AppointmentStatus.NOSHOW);
        w.deliver(noShow);

        // The same webhook again: the core recognises it and does not announce it.
        assertThat(w.deliver(noShow)).isInstanceOf(EventOutcome.AlreadyApplied.class);
        // GHL reports the no-show again under a new webhook id.
        w.clock.advance(Duration.ofMinutes(1));
        w.deliver(w.appointment(contact, APPOINTMENT, AppointmentStatus.NOSHOW));
        // A crash after the listener ran but before the event was marked processed: announced once more.
        w.listener.applied(noShow, new EventOutcome.Ignored("already there"));

        assertThat(w.followUpTexts()).hasSize(1);
        assertThat(w.opportunity(id).stage()).isEqualTo(RecruitingStage.INTERESTED);
    }

    @Test
    void aSecondMissedPresentationIsFollowedUpOnItsOwn() {
        w.deliver(w.appointment(contact, APPOINTMENT, AppointmentStatus.NOSHOW));
        AppointmentId rebooked = new AppointmentId("apt_presentation_2");
        w.deliver(w.appointment(contact, rebooked, AppointmentStatus.CONFIRMED));
        assertThat(w.opportunity(id).stage()).isEqualTo(RecruitingStage.PRESENTATION_SCHEDULED);
        w.clock.advance(Duration.ofDays(3)); // Monday
        w.deliver(w.appointment(contact, rebooked, AppointmentStatus.NOSHOW));

        assertThat(w.followUpTexts()).hasSize(2);
        assertThat(w.opportunity(id).stage()).isEqualTo(RecruitingStage.INTERESTED);
    }

    @ParameterizedTest
    @EnumSource(
            value = AppointmentStatus.class,
            names = {"SHOWED", "CANCELLED", "CONFIRMED"})
    void anyOtherAppointmentNewsSendsNoText(AppointmentStatus status) {
        w.deliver(w.appointment(contact, APPOINTMENT, status));

        assertThat(w.followUpTexts()).isEmpty();
        assertThat(w.ghl.sentMessages()).hasSize(1);
        assertThat(w.opportunity(id).stage()).isEqualTo(RecruitingStage.PRESENTATION_SCHEDULED);
    }

    @Test
    void otherEventsAreIgnored() {
        w.deliver(w.reply(contact, "running late, sorry"));
        w.deliver(new GhlEvent.AppointmentDeleted(
                NoShowWorld.eventId(),
                InMemoryGhl.LOCATION,
                w.clock.now(),
                APPOINTMENT,
                java.util.Optional.of(contact)));

        assertThat(w.followUpTexts()).isEmpty();
    }

    @Test
    void aNoShowOfAContactWhoIsNotARecruitIsIgnored() {
        EventOutcome outcome = w.deliver(
                w.appointment(new ContactId("someone_else"), new AppointmentId("apt_x"), AppointmentStatus.NOSHOW));

        assertThat(outcome).isInstanceOf(EventOutcome.Ignored.class);
        assertThat(w.followUpTexts()).isEmpty();
    }

    @Test
    void anOptedOutRecruitGetsNoFollowUpTheComplianceRefusesIt() {
        w.deliver(w.reply(contact, "STOP"));
        w.deliver(w.appointment(contact, APPOINTMENT, AppointmentStatus.NOSHOW));

        assertThat(w.followUpTexts()).isEmpty();
        assertThat(w.ghl.sentMessages()).hasSize(1);
        // Refused on the MessageSender path and recorded so, not merely skipped by the extension.
        assertThat(w.adapters
                        .messageLog()
                        .find(NoShowFollowUpService.keyOf(APPOINTMENT))
                        .orElseThrow()
                        .state())
                .isEqualTo(SendState.REFUSED);
        assertThat(w.opportunity(id).status()).isEqualTo(OpportunityStatus.LOST);
    }

    @Test
    void aRecruitOnDoNotDisturbIsMovedBackButNotTexted() {
        w.deliver(new GhlEvent.DndChanged(
                NoShowWorld.eventId(),
                InMemoryGhl.LOCATION,
                w.clock.now(),
                contact,
                DoNotDisturb.onEveryChannel(true)));
        // The no-show is on record (say GHL's webhook was applied by another instance before the extension
        // was deployed); the use case is invoked directly, so it makes the move back itself.
        Appointment booked = w.adapters.appointments().find(APPOINTMENT).orElseThrow();
        w.adapters.appointments().save(booked.withStatus(AppointmentStatus.NOSHOW, w.clock.now()));

        NoShowFollowUpResult result = followUpDirectly();

        assertThat(result).isInstanceOfSatisfying(NoShowFollowUpResult.FollowedUp.class, f -> {
            assertThat(f.stage()).isInstanceOf(AdvanceResult.Moved.class);
            assertThat(f.text()).isInstanceOf(SendOutcome.Refused.class);
        });
        assertThat(w.followUpTexts()).isEmpty();
        assertThat(w.opportunity(id).stage()).isEqualTo(RecruitingStage.INTERESTED);
    }

    @Test
    void aNoShowReportedDuringQuietHoursIsTextedInTheMorningOnce() {
        // Friday 22:30 in New York: too late to text.
        w.clock.advance(Duration.between(
                w.clock.now(),
                LocalDateTime.parse("2026-02-13T22:30")
                        .atZone(NoShowWorld.NEW_YORK)
                        .toInstant()));
        w.deliver(w.appointment(contact, APPOINTMENT, AppointmentStatus.NOSHOW));
        assertThat(w.followUpTexts()).isEmpty();
        assertThat(w.opportunity(id).stage()).isEqualTo(RecruitingStage.INTERESTED);

        w.clock.advance(Duration.ofHours(10)); // Saturday 08:30
        w.runJobs();
        w.deliver(w.appointment(contact, APPOINTMENT, AppointmentStatus.NOSHOW)); // and GHL repeats itself
        w.runJobs();

        assertThat(w.followUpTexts())
                .singleElement()
                .satisfies(m -> assertThat(m.dateAdded())
                        .isAfterOrEqualTo(LocalDateTime.parse("2026-02-14T08:00")
                                .atZone(NoShowWorld.NEW_YORK)
                                .toInstant()));
    }

    @Test
    void aTextWhoseFateIsUnknownIsReconciledNotSentTwice() {
        // GHL accepts the text but the response times out.
        w.ghl.faults()
                .failAfterNext(
                        GhlFaults.Operation.MESSAGE_SEND,
                        new ExternalFailure.OutcomeUnknown("gateway timeout", "trace-1", null));
        w.deliver(w.appointment(contact, APPOINTMENT, AppointmentStatus.NOSHOW));
        assertThat(w.adapters
                        .messageLog()
                        .find(NoShowFollowUpService.keyOf(APPOINTMENT))
                        .orElseThrow()
                        .state())
                .isEqualTo(SendState.UNKNOWN);

        w.clock.advance(Duration.ofMinutes(2));
        w.deliver(w.appointment(contact, APPOINTMENT, AppointmentStatus.NOSHOW));

        assertThat(w.followUpTexts()).hasSize(1);
        assertThat(w.adapters
                        .messageLog()
                        .find(NoShowFollowUpService.keyOf(APPOINTMENT))
                        .orElseThrow()
                        .state())
                .isEqualTo(SendState.SENT);
    }

    @Test
    void aLateNoShowForAnAppointmentSinceRebookedSendsNothing() {
        // GHL's updates arrive out of order: the presentation was moved (newer) after a no-show mark (older).
        var noShowAt = w.clock.now();
        w.clock.advance(Duration.ofMinutes(3));
        w.deliver(w.appointment(contact, APPOINTMENT, AppointmentStatus.CONFIRMED));
        EventOutcome late = w.deliver(w.appointmentAt(contact, APPOINTMENT, AppointmentStatus.NOSHOW, noShowAt));

        assertThat(late).isInstanceOf(EventOutcome.Ignored.class);
        assertThat(w.followUpTexts()).isEmpty();
        assertThat(followUpDirectly()).isInstanceOf(NoShowFollowUpResult.Skipped.class);
    }

    @Test
    void aContractedRecruitIsNotAskedToRebook() {
        var opportunity = w.opportunity(id);
        w.deliver(new GhlEvent.OpportunityChanged(
                NoShowWorld.eventId(),
                InMemoryGhl.LOCATION,
                w.clock.now(),
                GhlEvent.OpportunityChange.STATUS_CHANGED,
                opportunity.id(),
                contact,
                InMemoryGhl.PIPELINE,
                InMemoryGhl.STAGE_CONTRACTED,
                OpportunityStatus.WON,
                BigDecimal.ZERO));
        w.clock.advance(Duration.ofMinutes(1));
        w.deliver(w.appointment(contact, APPOINTMENT, AppointmentStatus.NOSHOW));

        assertThat(w.followUpTexts()).isEmpty();
        assertThat(w.opportunity(id).stage()).isEqualTo(RecruitingStage.CONTRACTED);
    }

    @Test
    void aRecruitWithOnlyAnEmailIsNotTexted() {
        RecruitId ann = w.recruitInGhl("Ann", null, "ann@example.com");
        ContactId annContact = w.contactOf(ann);
        AppointmentId annsPresentation = new AppointmentId("apt_ann");
        w.deliver(w.appointment(annContact, annsPresentation, AppointmentStatus.CONFIRMED));
        w.clock.advance(Duration.ofMinutes(1));
        w.deliver(w.appointment(annContact, annsPresentation, AppointmentStatus.NOSHOW));

        assertThat(w.followUpTexts()).isEmpty();
        assertThat(w.followUp.followUp(new NoShowFollowUpCommand(ann, annsPresentation)))
                .isEqualTo(new NoShowFollowUpResult.Skipped("recruit " + ann + " has no phone number to text"));
    }

    @Test
    void anUnknownRecruitOrAnotherRecruitsAppointmentIsSkipped() {
        w.deliver(w.appointment(contact, APPOINTMENT, AppointmentStatus.NOSHOW));
        RecruitId other = w.recruitInGhl("Bob", "4075559876", null);

        assertThat(w.followUp.followUp(new NoShowFollowUpCommand(
                        RecruitId.parse(java.util.UUID.randomUUID().toString()), APPOINTMENT)))
                .isInstanceOf(NoShowFollowUpResult.Skipped.class);
        assertThat(w.followUp.followUp(new NoShowFollowUpCommand(other, APPOINTMENT)))
                .isInstanceOf(NoShowFollowUpResult.Skipped.class);
        assertThat(w.followUpTexts()).hasSize(1);
    }

    private NoShowFollowUpResult followUpDirectly() {
        return w.followUp.followUp(new NoShowFollowUpCommand(id, APPOINTMENT));
    }
}
