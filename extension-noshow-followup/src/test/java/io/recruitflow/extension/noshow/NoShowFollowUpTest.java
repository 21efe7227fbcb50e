package io.recruitflow.extension.noshow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.adapter.inmemory.GhlFaults;
import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.applyghlevent.EventOutcome;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.ExternalFailure;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The no-show follow-up on the in-memory adapters, driven the way production drives it: GHL events applied by
 * the core, which tells the extension's listener, which tags the contact.
 */
class NoShowFollowUpTest {
    static final AppointmentId APPOINTMENT = new AppointmentId("apt_presentation_1");
    static final String TAG = NoShowFollowUpSettings.DEFAULT_TAG;

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
        w.clock.advance(Duration.ofDays(1)); // Friday 10:10, after the presentation
    }

    @Test
    void aNoShowTagsTheContactAndTheCoreMovesTheRecruitBackToInterested() {
        EventOutcome outcome = w.deliver(w.appointment(contact, APPOINTMENT, AppointmentStatus.NOSHOW));

        assertThat(outcome).isInstanceOf(EventOutcome.Applied.class);
        assertThat(w.tagsOf(contact)).contains(TAG).contains("Licensed");
        assertThat(w.opportunity(id).stage()).isEqualTo(RecruitingStage.INTERESTED);
    }

    @Test
    void theSameNoShowReportedAgainIsStillOneTag() {
        GhlEvent.AppointmentChanged noShow = w.appointment(contact, APPOINTMENT, AppointmentStatus.NOSHOW);
        w.deliver(noShow);

        assertThat(w.deliver(noShow)).isInstanceOf(EventOutcome.AlreadyApplied.class);
        w.clock.advance(Duration.ofMinutes(1));
        w.deliver(w.appointment(contact, APPOINTMENT, AppointmentStatus.NOSHOW));
        // A crash after the listener ran but before the event was marked processed: announced once more.
        w.listener.applied(noShow, new EventOutcome.Ignored("already there"));

        assertThat(w.tagsOf(contact).stream().filter(TAG::equals)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = AppointmentStatus.class,
            names = {"SHOWED", "CANCELLED", "CONFIRMED"})
    void anyOtherAppointmentNewsTagsNothing(AppointmentStatus status) {
        w.deliver(w.appointment(contact, APPOINTMENT, status));

        assertThat(w.tagsOf(contact)).doesNotContain(TAG);
    }

    @Test
    void otherEventsAndContactsWhoAreNotRecruitsAreIgnored() {
        w.deliver(w.reply(contact, "running late, sorry"));
        w.deliver(new GhlEvent.AppointmentDeleted(
                NoShowWorld.eventId(),
                InMemoryGhl.LOCATION,
                w.clock.now(),
                APPOINTMENT,
                java.util.Optional.of(contact)));
        EventOutcome stranger = w.deliver(
                w.appointment(new ContactId("someone_else"), new AppointmentId("apt_x"), AppointmentStatus.NOSHOW));

        assertThat(stranger).isInstanceOf(EventOutcome.Ignored.class);
        assertThat(w.tagsOf(contact)).doesNotContain(TAG);
    }

    @Test
    void aLateNoShowForAnAppointmentSinceRebookedTagsNothing() {
        // GHL's updates arrive out of order: the presentation was moved (newer) after a no-show mark (older).
        var noShowAt = w.clock.now();
        w.clock.advance(Duration.ofMinutes(3));
        w.deliver(w.appointment(contact, APPOINTMENT, AppointmentStatus.CONFIRMED));
        EventOutcome late = w.deliver(w.appointmentAt(contact, APPOINTMENT, AppointmentStatus.NOSHOW, noShowAt));

        assertThat(late).isInstanceOf(EventOutcome.Ignored.class);
        assertThat(w.tagsOf(contact)).doesNotContain(TAG);
        assertThat(w.followUp.followUp(new NoShowFollowUpCommand(id, APPOINTMENT)))
                .isInstanceOf(NoShowFollowUpResult.Skipped.class);
    }

    @Test
    void ghlFailingToTagFailsTheEventSoTheInboxTriesItAgain() {
        // GHL answers POST /contacts/{id}/tags with a 503: the event fails, so the inbox applies it again later.
        w.ghl.faults().failNext(GhlFaults.Operation.CONTACT_TAG, new ExternalFailure.Unavailable("busy"));
        GhlEvent.AppointmentChanged noShow = w.appointment(contact, APPOINTMENT, AppointmentStatus.NOSHOW);
        assertThatThrownBy(() -> w.deliver(noShow)).isInstanceOf(ExternalFailure.Unavailable.class);
        assertThat(w.tagsOf(contact)).doesNotContain(TAG);

        w.deliver(noShow); // the inbox's next attempt: the core's handling is idempotent, the tag is owed
        assertThat(w.tagsOf(contact)).contains(TAG);
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
        assertThat(w.tagsOf(w.contactOf(other))).doesNotContain(TAG);
    }
}
