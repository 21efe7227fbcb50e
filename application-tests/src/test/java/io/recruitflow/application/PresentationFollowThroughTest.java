package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.nurture.NurtureSettings;
import io.recruitflow.application.presentations.PresentationFollowThrough;
import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ConversationMessage;
import io.recruitflow.domain.message.Direction;
import io.recruitflow.domain.nurture.NurtureStep;
import io.recruitflow.domain.nurture.StepStatus;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Presentations followed through on the in-memory world, on a clock the test moves: reminders 24 h and 1 h before
 * (re-planned when the appointment moves, cancelled when it is cancelled, skipped with the rule in quiet hours), a
 * rebooking text ten minutes after a no-show, one reschedule, then the recruit is archived.
 */
class PresentationFollowThroughTest {
    static final AppointmentId FIRST = new AppointmentId("apt_1");
    static final AppointmentId SECOND = new AppointmentId("apt_2");

    World w;
    RecruitId id;
    ContactId contact;

    void aRecruitWhoReplied(String state) {
        w = new World("2026-02-12T10:00", NurtureSettings.playbook()); // a Thursday in New York
        id = w.accept(World.lead("John", "Smith", "2125550123", null, state, "Life"));
        w.runJobs();
        contact = w.recruit(id).contactId().orElseThrow();
        w.clock.advance(Duration.ofMinutes(5));
        w.deliver(new GhlEvent.MessageReceived(
                World.eventId(), InMemoryGhl.LOCATION, w.clock.now(), contact, Optional.empty(), Channel.SMS, "Yes!"));
    }

    static Instant ny(String local) {
        return LocalDateTime.parse(local).atZone(World.NEW_YORK).toInstant();
    }

    void appointment(AppointmentId appointment, Instant start, AppointmentStatus status) {
        w.clock.advance(Duration.ofSeconds(1));
        w.deliver(new GhlEvent.AppointmentChanged(
                World.eventId(),
                InMemoryGhl.LOCATION,
                w.clock.now(),
                false,
                appointment,
                InMemoryGhl.CALENDAR,
                contact,
                "iDecide Presentation - John Smith",
                start,
                start.plus(Duration.ofMinutes(30)),
                status));
    }

    /** Moves the clock to {@code t} in half-hour steps, running the due jobs at each. */
    void until(Instant t) {
        while (w.clock.now().isBefore(t)) {
            Duration step = Duration.between(w.clock.now(), t);
            w.clock.advance(step.compareTo(Duration.ofMinutes(30)) > 0 ? Duration.ofMinutes(30) : step);
            w.runJobs();
        }
    }

    List<ConversationMessage> texts() {
        return w.ghl.sentMessages().stream()
                .filter(m -> m.direction() == Direction.OUTBOUND && m.contact().equals(contact))
                .toList();
    }

    List<NurtureStep> steps(String kind) {
        return w.nurture.stepsOf(id).stream().filter(s -> s.kind().equals(kind)).toList();
    }

    @Test
    void bothRemindersPrecedeThePresentationWithItsTimeInTheRecruitsZone() {
        aRecruitWhoReplied("NY");
        Instant start = ny("2026-02-17T14:00"); // the next Tuesday
        appointment(FIRST, start, AppointmentStatus.CONFIRMED);
        int before = texts().size();

        until(ny("2026-02-16T13:59"));
        assertThat(texts()).as("nothing before 24 h ahead").hasSize(before);
        until(ny("2026-02-16T14:31"));
        assertThat(texts()).hasSize(before + 1);
        assertThat(texts().get(before).body())
                .isEqualTo("Hi John, a reminder from Gary at OOC Unlimited: your iDecide presentation is tomorrow at"
                        + " 2:00 PM EST. Reply STOP to opt out.");
        until(start.plus(Duration.ofMinutes(1)));
        assertThat(texts()).hasSize(before + 2);
        assertThat(texts().get(before + 1).dateAdded()).isBefore(start);
        assertThat(texts().get(before + 1).body()).contains("is today at 2:00 PM EST");
        assertThat(steps(PresentationFollowThrough.REMINDER))
                .extracting(NurtureStep::status)
                .containsExactly(StepStatus.SENT, StepStatus.SENT, StepStatus.DONE);
    }

    @Test
    void aMovedPresentationGetsItsRemindersAtTheNewTimeAndACancelledOneNone() {
        aRecruitWhoReplied("NY");
        appointment(FIRST, ny("2026-02-17T14:00"), AppointmentStatus.CONFIRMED);
        appointment(FIRST, ny("2026-02-18T11:00"), AppointmentStatus.CONFIRMED);

        List<NurtureStep> reminders = steps(PresentationFollowThrough.REMINDER);
        assertThat(reminders)
                .filteredOn(s -> s.status() == StepStatus.CANCELLED)
                .hasSize(3);
        assertThat(reminders)
                .filteredOn(s -> s.status() == StepStatus.PLANNED)
                .extracting(NurtureStep::dueAt)
                .containsExactly(ny("2026-02-17T11:00"), ny("2026-02-18T10:00"), ny("2026-02-18T11:00"));
        assertThat(reminders)
                .filteredOn(s -> s.status() == StepStatus.CANCELLED)
                .allSatisfy(s -> assertThat(s.reason()).hasValue("cancelled: the appointment moved"));

        int before = texts().size();
        appointment(FIRST, ny("2026-02-18T11:00"), AppointmentStatus.CANCELLED);
        until(ny("2026-02-18T12:00"));
        assertThat(texts()).as("no reminder of a cancelled presentation").hasSize(before);
    }

    @Test
    void aReminderThatWouldFallInQuietHoursIsSkippedWithTheRuleOnTheStep() {
        aRecruitWhoReplied("CT"); // Connecticut: texts from 9:00 only
        appointment(FIRST, ny("2026-02-17T09:00"), AppointmentStatus.CONFIRMED);

        List<NurtureStep> reminders = steps(PresentationFollowThrough.REMINDER);
        assertThat(reminders.get(0).status()).isEqualTo(StepStatus.PLANNED);
        assertThat(reminders.get(1).status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(reminders.get(1).reason())
                .hasValueSatisfying(
                        why -> assertThat(why).contains("quiet hours").contains("CT.hours"));
    }

    @Test
    void aNoShowGetsOneRebookingTextThenOneRescheduleThenTheRecruitIsArchived() {
        aRecruitWhoReplied("NY");
        Instant start = ny("2026-02-13T11:00");
        appointment(FIRST, start, AppointmentStatus.CONFIRMED);
        until(start.plus(Duration.ofMinutes(45)));
        int before = texts().size();
        appointment(FIRST, start, AppointmentStatus.NOSHOW);
        assertThat(w.adapters
                        .opportunityMirror()
                        .findByContact(contact)
                        .orElseThrow()
                        .stage())
                .isEqualTo(RecruitingStage.INTERESTED);

        until(w.clock.now().plus(Duration.ofMinutes(9)));
        assertThat(texts()).as("not before ten minutes").hasSize(before);
        until(w.clock.now().plus(Duration.ofMinutes(2)));
        assertThat(texts()).hasSize(before + 1);
        assertThat(texts().get(before).body())
                .contains("sorry we missed you")
                .contains("https://api.leadconnectorhq.com/widget/booking/" + InMemoryGhl.CALENDAR.value());

        // The recruit rebooks (the one reschedule), and misses again.
        Instant again = ny("2026-02-16T15:00");
        appointment(SECOND, again, AppointmentStatus.CONFIRMED);
        until(again.plus(Duration.ofMinutes(45)));
        int beforeSecond = texts().size();
        appointment(SECOND, again, AppointmentStatus.NOSHOW);
        until(w.clock.now().plus(Duration.ofHours(1)));

        assertThat(texts()).as("no second rebooking text").hasSize(beforeSecond);
        assertThat(steps(PresentationFollowThrough.NO_SHOW))
                .filteredOn(s -> s.sequence().equals(SECOND.value()))
                .satisfiesExactly(
                        text -> assertThat(text.reason())
                                .hasValueSatisfying(why ->
                                        assertThat(why).contains("2nd missed presentation; 1 reschedule is allowed")),
                        archive -> {
                            assertThat(archive.status()).isEqualTo(StepStatus.DONE);
                            assertThat(archive.reason())
                                    .hasValueSatisfying(why -> assertThat(why).startsWith("archived"));
                        });
        assertThat(w.adapters
                        .opportunityMirror()
                        .findByContact(contact)
                        .orElseThrow()
                        .status())
                .isEqualTo(OpportunityStatus.ABANDONED);
        assertThat(w.ghl.allOpportunities().get(0).status()).isEqualTo(OpportunityStatus.ABANDONED);
    }

    @Test
    void aRecruitWhoRebooksBeforeTheRebookingTextGetsNone() {
        aRecruitWhoReplied("NY");
        Instant start = ny("2026-02-13T11:00");
        appointment(FIRST, start, AppointmentStatus.CONFIRMED);
        until(start.plus(Duration.ofMinutes(45)));
        int before = texts().size();
        appointment(FIRST, start, AppointmentStatus.NOSHOW);
        w.clock.advance(Duration.ofMinutes(3));
        appointment(SECOND, ny("2026-02-16T15:00"), AppointmentStatus.CONFIRMED);
        until(w.clock.now().plus(Duration.ofMinutes(30)));

        assertThat(texts()).hasSize(before);
        assertThat(steps(PresentationFollowThrough.NO_SHOW))
                .singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo(StepStatus.CANCELLED));
    }

    @Test
    void withRecruitflowsOwnFollowUpOffNothingIsPlanned() {
        w = new World("2026-02-12T10:00");
        id = w.accept(World.lead("John", "Smith", "2125550123", null, "NY", "Life"));
        w.runJobs();
        contact = w.recruit(id).contactId().orElseThrow();
        appointment(FIRST, ny("2026-02-17T14:00"), AppointmentStatus.CONFIRMED);

        assertThat(w.nurture.stepsOf(id)).isEmpty();
    }
}
