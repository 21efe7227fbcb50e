package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.domain.message.ConversationMessage;
import io.recruitflow.domain.recruit.Contact;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.PhoneNumber;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lead's email matches one GHL contact and its phone another: GHL's upsert answers the email's contact
 * and drops the phone (highlevel-api-docs #37). The recruit must not be linked to, nor texted at, a contact
 * that does not carry its phone and email.
 */
class ContactIdentityTest {
    static final PhoneNumber LEAD_PHONE = new PhoneNumber("+14075551234");
    static final PhoneNumber OTHER_PHONE = new PhoneNumber("+14075559876");

    final World w = new World("2026-02-12T10:00");
    Contact byEmail;
    Contact byPhone;

    Contact existing(String first, Optional<PhoneNumber> phone, Optional<EmailAddress> email) {
        return w.ghl.contactDirectory()
                .add(new ContactDraft(
                        InMemoryGhl.LOCATION, first, "Smith", email, phone, Set.of(), List.of(), Optional.empty()));
    }

    @BeforeEach
    void twoContactsEachWithOneOfTheLeadsIdentifiers() {
        // A household: the email's contact has the spouse's phone; the lead's phone is on another contact.
        byEmail = existing("Mary", Optional.of(OTHER_PHONE), Optional.of(new EmailAddress("john@example.com")));
        byPhone = existing("Jack", Optional.of(LEAD_PHONE), Optional.empty());
    }

    RecruitId importLead() {
        RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", "john@example.com", "NY"));
        w.runJobs();
        return id;
    }

    StepRecord step(RecruitId id, IntakeStep step) {
        return w.adapters.intakeJournal().find(id, step).orElseThrow();
    }

    List<ContactId> textedContacts() {
        return w.ghl.sentMessages().stream().map(ConversationMessage::contact).toList();
    }

    @Test
    void whereDuplicatesAreAllowedTheLeadGetsAContactOfItsOwnAndOnlyThatIsTexted() {
        w.ghl.contactDirectory().allowDuplicates(InMemoryGhl.LOCATION, true);

        RecruitId id = importLead();

        ContactId linked = w.recruit(id).contactId().orElseThrow();
        assertThat(linked).isNotIn(byEmail.id(), byPhone.id());
        Contact own = w.ghl.contactDirectory().find(linked).orElseThrow();
        assertThat(own.phone()).contains(LEAD_PHONE);
        assertThat(own.email()).contains(new EmailAddress("john@example.com"));
        assertThat(textedContacts()).containsExactly(linked);
        StepRecord upsert = step(id, IntakeStep.UPSERT_CONTACT);
        assertThat(upsert.state()).isEqualTo(StepState.DONE);
        assertThat(upsert.detail())
                .hasValueSatisfying(d -> assertThat(d)
                        .contains(byEmail.id().value(), "phone", "created a separate contact")
                        .doesNotContain(LEAD_PHONE.e164(), OTHER_PHONE.e164(), "john@example.com"));
    }

    @Test
    void whereDuplicatesAreNotAllowedAndGhlRefusesThePhoneNobodyIsTexted() {
        w.ghl.contactDirectory().allowDuplicates(InMemoryGhl.LOCATION, false);

        RecruitId id = importLead();

        assertThat(textedContacts()).isEmpty();
        assertThat(w.recruit(id).contactId()).isEmpty();
        StepRecord upsert = step(id, IntakeStep.UPSERT_CONTACT);
        assertThat(upsert.state()).isEqualTo(StepState.FAILED);
        assertThat(upsert.detail())
                .hasValueSatisfying(d -> assertThat(d)
                        .contains(byEmail.id().value(), "phone", "not texted")
                        .doesNotContain(LEAD_PHONE.e164(), "john@example.com"));
        assertThat(step(id, IntakeStep.SEND_INTRO).state()).isEqualTo(StepState.SKIPPED);
        assertThat(w.ghl.contactDirectory().find(byEmail.id()).orElseThrow().phone())
                .as("the email's contact keeps its phone")
                .contains(OTHER_PHONE);
    }

    @Test
    void whereDuplicatesAreNotAllowedAndTheContactCanTakeThePhoneItIsUpdatedAndTexted() {
        w.ghl.contactDirectory().allowDuplicates(InMemoryGhl.LOCATION, false);
        w.ghl.contactDirectory().dropNextUpsertPhone(); // GHL answers without the phone, though nobody holds it
        w.ghl.contactDirectory().delete(byPhone.id());

        RecruitId id = importLead();

        assertThat(w.recruit(id).contactId()).contains(byEmail.id());
        assertThat(w.ghl.contactDirectory().find(byEmail.id()).orElseThrow().phone())
                .contains(LEAD_PHONE);
        assertThat(textedContacts()).containsExactly(byEmail.id());
        assertThat(step(id, IntakeStep.UPSERT_CONTACT).detail())
                .hasValueSatisfying(
                        d -> assertThat(d).contains("updated", byEmail.id().value()));
    }
}
