package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.domain.recruit.Contact;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.recruit.DoNotDisturb;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.PhoneNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Do-not-disturb set in GHL is the recruit's consent: read at intake, before the intro. */
class ConsentFromGhlTest {
    final World w = new World("2026-02-12T10:00");

    Contact existingContact(String phone, String email, DoNotDisturb dnd) {
        Contact c = w.ghl.contactDirectory()
                .add(new ContactDraft(
                        InMemoryGhl.LOCATION,
                        "John",
                        "Smith",
                        Optional.ofNullable(email).map(EmailAddress::new),
                        Optional.ofNullable(phone).map(PhoneNumber::new),
                        Set.of(),
                        List.of(),
                        Optional.of("web form")));
        return w.ghl.contactDirectory().setDnd(c.id(), dnd);
    }

    StepRecord step(RecruitId id, IntakeStep step) {
        return w.adapters.intakeJournal().find(id, step).orElseThrow();
    }

    @Test
    void aRepurchasedLeadWhoseContactHasSmsDndInGhlGetsNoIntro() {
        existingContact("+14075551234", null, new DoNotDisturb(false, true, false));

        RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
        w.runJobs();

        assertThat(w.ghl.sentMessages())
                .as("texts sent")
                .extracting(m -> m.channel())
                .isEmpty();
        assertThat(w.recruit(id).consent().dnd()).isTrue();
        assertThat(step(id, IntakeStep.SEND_INTRO).state()).isEqualTo(StepState.SKIPPED);
        assertThat(step(id, IntakeStep.SEND_INTRO).detail())
                .hasValueSatisfying(d -> assertThat(d).contains("do-not-disturb"));
    }

    @Test
    void dndOnEveryChannelBlocksTheIntroToo() {
        existingContact("+14075551234", null, DoNotDisturb.onEveryChannel(true));

        RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
        w.runJobs();

        assertThat(w.ghl.sentMessages()).extracting(m -> m.channel()).isEmpty();
        assertThat(w.recruit(id).consent().dnd()).isTrue();
    }

    @Test
    void emailDndAloneDoesNotBlockATextButBlocksTheEmailOfALeadWithoutAPhone() {
        existingContact("+14075551234", "john@example.com", new DoNotDisturb(false, false, true));
        RecruitId texted = w.accept(World.lead("John", "Smith", "4075551234", "john@example.com", "NY"));
        existingContact(null, "jane@example.com", new DoNotDisturb(false, false, true));
        RecruitId emailed = w.accept(World.lead("Jane", "Doe", null, "jane@example.com", "NY"));
        w.runJobs();

        assertThat(w.recruit(texted).consent().dnd()).isFalse();
        assertThat(step(texted, IntakeStep.SEND_INTRO).state()).isEqualTo(StepState.DONE);
        assertThat(w.recruit(emailed).consent().dnd()).isTrue();
        assertThat(step(emailed, IntakeStep.SEND_INTRO).state()).isEqualTo(StepState.SKIPPED);
        assertThat(w.ghl.sentMessages()).extracting(m -> m.channel()).hasSize(1);
    }

    // ---- DND from GHL's contact events: contact events may set it, only an explicit DND event clears it

    GhlEvent.DndChanged dndEvent(ContactId contact, boolean on, Instant at) {
        // An SMS DND, as a ContactDndUpdate's dndSettings says it.
        return new GhlEvent.DndChanged(
                World.eventId(), InMemoryGhl.LOCATION, at, contact, new DoNotDisturb(false, on, false));
    }

    GhlEvent.ContactChanged contactUpdate(ContactId contact, boolean dnd, Instant at) {
        return new GhlEvent.ContactChanged(
                World.eventId(),
                InMemoryGhl.LOCATION,
                at,
                contact,
                false,
                Optional.empty(),
                Optional.of(new PhoneNumber("+14075551234")),
                Set.of("Licensed"),
                DoNotDisturb.onEveryChannel(dnd),
                Optional.empty());
    }

    RecruitId introduced() {
        RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
        w.runJobs();
        return id;
    }

    @Test
    void aLaterContactUpdateDoesNotSwitchOffTheDndThatADndUpdateSet() {
        RecruitId id = introduced();
        ContactId contact = w.recruit(id).contactId().orElseThrow();
        Instant t = w.clock.now();

        w.deliver(dndEvent(contact, true, t.plusSeconds(1))); // SMS DND: ContactDndUpdate with dndSettings
        w.deliver(contactUpdate(contact, false, t.plusSeconds(60))); // a name change: dnd false, no dndSettings

        assertThat(w.recruit(id).consent().dnd()).isTrue();
    }

    @Test
    void aDndUpdateOlderThanTheStoredConsentChangeIsIgnored() {
        RecruitId id = introduced();
        ContactId contact = w.recruit(id).contactId().orElseThrow();
        Instant t = w.clock.now();

        w.deliver(dndEvent(contact, true, t.plusSeconds(20)));
        w.deliver(dndEvent(contact, false, t.plusSeconds(10))); // delivered late, out of order

        assertThat(w.recruit(id).consent().dnd()).isTrue();
        assertThat(w.recruit(id).consent().dndChangedAt()).contains(t.plusSeconds(20));

        w.deliver(dndEvent(contact, false, t.plusSeconds(30))); // a newer, explicit "off"
        assertThat(w.recruit(id).consent().dnd()).isFalse();

        w.deliver(contactUpdate(contact, true, t.plusSeconds(25))); // older than the "off"
        assertThat(w.recruit(id).consent().dnd()).isFalse();

        w.deliver(contactUpdate(contact, true, t.plusSeconds(40))); // a contact event may set DND
        assertThat(w.recruit(id).consent().dnd()).isTrue();
    }

    @Test
    void aContactWithoutDndIsTexted() {
        existingContact("+14075551234", null, DoNotDisturb.NONE);

        RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
        w.runJobs();

        assertThat(w.ghl.sentMessages()).extracting(m -> m.channel()).hasSize(1);
        assertThat(w.recruit(id).consent().dnd()).isFalse();
    }
}
