package io.recruitflow.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.adapter.inmemory.GhlFaults.Operation;
import io.recruitflow.application.port.Installations;
import io.recruitflow.domain.appointment.AppointmentDraft;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.appointment.Slot;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ConversationMessage;
import io.recruitflow.domain.message.Direction;
import io.recruitflow.domain.message.OutgoingMessage;
import io.recruitflow.domain.message.SentMessage;
import io.recruitflow.domain.pipeline.OpportunityDraft;
import io.recruitflow.domain.pipeline.OpportunityRef;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.RecruitingPipeline;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.pipeline.StageId;
import io.recruitflow.domain.pipeline.StageNames;
import io.recruitflow.domain.recruit.Contact;
import io.recruitflow.domain.recruit.ContactDirectory.Upserted;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.recruit.CustomFieldValue;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumber;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InMemoryGhlTest {
    // Monday 2 March 2026, 08:00 in New York.
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T13:00:00Z"));
    private final InMemoryGhl ghl = new InMemoryGhl(now::get);

    private static ContactDraft draft(String first, Optional<String> email, Optional<String> phone, Set<String> tags) {
        return new ContactDraft(
                InMemoryGhl.LOCATION,
                first,
                "Whitfield",
                email.map(EmailAddress::new),
                phone.map(PhoneNumber::new),
                tags,
                List.of(new CustomFieldValue("cf_license_state", "FL")),
                Optional.of("PropHog"));
    }

    private Contact contact() {
        return ghl.contactDirectory()
                .upsert(draft("Dana", Optional.of("dana@example.com"), Optional.of("+14072220101"), Set.of("New Lead")))
                .contact();
    }

    @Test
    void the_seeded_pipeline_resolves_with_the_default_stage_names() {
        var resolution = RecruitingPipeline.resolve(ghl.pipelines().list(InMemoryGhl.LOCATION), StageNames.defaults());

        assertThat(resolution).isInstanceOf(RecruitingPipeline.Resolution.Resolved.class);
        RecruitingPipeline pipeline = ((RecruitingPipeline.Resolution.Resolved) resolution).pipeline();
        assertThat(pipeline.pipelineId()).isEqualTo(InMemoryGhl.PIPELINE);
        assertThat(pipeline.idOf(RecruitingStage.PRESENTATION_SCHEDULED)).isEqualTo(new StageId("stage_presentation"));
    }

    @Test
    void the_account_is_seeded_with_the_reference_workflows_and_calendar() {
        assertThat(ghl.workflows().list(InMemoryGhl.LOCATION))
                .extracting(w -> w.id())
                .containsExactly(InMemoryGhl.WF_SPEED_TO_LEAD, InMemoryGhl.WF_ONBOARDING);
        assertThat(ghl.calendars().list(InMemoryGhl.LOCATION)).hasSize(1);
    }

    @Test
    void upsert_creates_then_updates_the_contact_found_by_email_or_phone() {
        Upserted first = ghl.contactDirectory()
                .upsert(draft(
                        "Dana", Optional.of("dana@example.com"), Optional.of("+14072220101"), Set.of("New Lead")));
        Upserted byEmail = ghl.contactDirectory()
                .upsert(draft("Dana", Optional.of("DANA@example.com"), Optional.empty(), Set.of("Life-Licensed")));
        Upserted byPhone = ghl.contactDirectory()
                .upsert(draft("Danielle", Optional.empty(), Optional.of("+14072220101"), Set.of()));

        assertThat(first.created()).isTrue();
        assertThat(byEmail.created()).isFalse();
        assertThat(byPhone.created()).isFalse();
        assertThat(byPhone.contact().id()).isEqualTo(first.contact().id());
        assertThat(byPhone.contact().tags()).containsExactlyInAnyOrder("New Lead", "Life-Licensed");
        assertThat(byPhone.contact().firstName()).isEqualTo("Danielle");
        assertThat(byPhone.contact().email()).contains(new EmailAddress("dana@example.com"));
        assertThat(ghl.contacts()).hasSize(1);
    }

    @Test
    void an_opportunity_is_created_once_per_contact_and_pipeline_at_a_known_stage() {
        Contact c = contact();
        OpportunityDraft draft = new OpportunityDraft(
                InMemoryGhl.LOCATION,
                InMemoryGhl.PIPELINE,
                InMemoryGhl.STAGE_LEAD,
                c.id(),
                "Dana Whitfield - Agent Recruit",
                OpportunityStatus.OPEN,
                BigDecimal.ZERO,
                Optional.of(InMemoryGhl.USER));

        OpportunityRef created = ghl.opportunities().create(draft);

        assertThat(created.updatedAt()).contains(now.get());
        assertThat(ghl.opportunities().findForContact(InMemoryGhl.LOCATION, InMemoryGhl.PIPELINE, c.id()))
                .contains(created);
        assertThatThrownBy(() -> ghl.opportunities().create(draft))
                .isInstanceOf(ExternalFailure.Rejected.class)
                .hasMessageContaining("duplicate opportunity");
        assertThatThrownBy(() -> ghl.opportunities()
                        .move(
                                InMemoryGhl.LOCATION,
                                created.id(),
                                new StageId("stage_nope"),
                                OpportunityStatus.OPEN,
                                Optional.empty()))
                .isInstanceOf(ExternalFailure.Rejected.class);
        assertThatThrownBy(() -> ghl.opportunities()
                        .move(
                                new LocationId("loc_other"),
                                created.id(),
                                InMemoryGhl.STAGE_CONTACTED,
                                OpportunityStatus.OPEN,
                                Optional.empty()))
                .isInstanceOf(ExternalFailure.Rejected.class);

        now.set(now.get().plusSeconds(60));
        assertThat(ghl.opportunities()
                        .move(
                                InMemoryGhl.LOCATION,
                                created.id(),
                                InMemoryGhl.STAGE_CONTACTED,
                                OpportunityStatus.OPEN,
                                Optional.empty()))
                .contains(now.get());
        assertThat(ghl.allOpportunities()).singleElement().satisfies(o -> {
            assertThat(o.stage()).isEqualTo(InMemoryGhl.STAGE_CONTACTED);
            assertThat(o.updatedAt()).isEqualTo(now.get());
        });
    }

    @Test
    void sent_messages_are_recorded_and_read_back_newest_first() {
        Contact c = contact();

        SentMessage first = ghl.conversations().send(OutgoingMessage.sms(InMemoryGhl.LOCATION, c.id(), "Hi Dana"));
        now.set(now.get().plusSeconds(30));
        ghl.conversations().receive(c.id(), Channel.SMS, "Who is this?");

        assertThat(ghl.sentMessages()).extracting(ConversationMessage::body).containsExactly("Hi Dana");
        assertThat(ghl.conversations()
                        .messagesWith(InMemoryGhl.LOCATION, c.id())
                        .toList())
                .allSatisfy(m -> assertThat(m.conversation()).isEqualTo(first.conversationId()))
                .extracting(ConversationMessage::direction)
                .containsExactly(Direction.INBOUND, Direction.OUTBOUND);
        assertThat(ghl.conversations().messagesWith(new LocationId("loc_other"), c.id()))
                .isEmpty();
    }

    @Test
    void a_text_to_a_contact_without_a_phone_is_refused() {
        Contact emailOnly = ghl.contactDirectory()
                .upsert(draft("Ema", Optional.of("ema@example.com"), Optional.empty(), Set.of()))
                .contact();

        assertThatThrownBy(
                        () -> ghl.conversations().send(OutgoingMessage.sms(InMemoryGhl.LOCATION, emailOnly.id(), "Hi")))
                .isInstanceOf(ExternalFailure.Rejected.class);
        assertThat(ghl.sentMessages()).isEmpty();
    }

    @Test
    void free_slots_are_weekday_half_hours_from_9_to_17_new_york_time_and_never_past() {
        Instant from = now.get(); // Monday 08:00 New York
        List<Slot> week = ghl.calendars()
                .freeSlots(
                        InMemoryGhl.LOCATION,
                        InMemoryGhl.CALENDAR,
                        from,
                        from.plus(Duration.ofDays(7)),
                        InMemoryGhl.TIME_ZONE);

        assertThat(week).hasSize(5 * 16).isSorted();
        assertThat(week).allSatisfy(s -> {
            var local = s.start().atZone(InMemoryGhl.TIME_ZONE);
            assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(local.toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(16, 30));
            assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofMinutes(30));
        });

        now.set(Instant.parse("2026-03-02T17:10:00Z")); // Monday 12:10 New York
        List<Slot> rest = ghl.calendars()
                .freeSlots(
                        InMemoryGhl.LOCATION,
                        InMemoryGhl.CALENDAR,
                        from,
                        from.plus(Duration.ofDays(1)),
                        InMemoryGhl.TIME_ZONE);
        assertThat(rest.get(0).start()).isEqualTo(Instant.parse("2026-03-02T17:30:00Z"));
    }

    @Test
    void booking_takes_the_slot_and_a_taken_or_unoffered_slot_is_refused() {
        Contact c = contact();
        Instant from = now.get();
        Slot slot = ghl.calendars()
                .freeSlots(
                        InMemoryGhl.LOCATION,
                        InMemoryGhl.CALENDAR,
                        from,
                        from.plus(Duration.ofDays(1)),
                        InMemoryGhl.TIME_ZONE)
                .get(0);
        AppointmentDraft draft = new AppointmentDraft(
                InMemoryGhl.CALENDAR,
                InMemoryGhl.LOCATION,
                c.id(),
                slot,
                "iDecide Presentation - Dana Whitfield",
                AppointmentStatus.CONFIRMED);

        ghl.calendars().book(draft);

        assertThat(ghl.calendars()
                        .freeSlots(
                                InMemoryGhl.LOCATION,
                                InMemoryGhl.CALENDAR,
                                from,
                                from.plus(Duration.ofDays(1)),
                                InMemoryGhl.TIME_ZONE))
                .doesNotContain(slot)
                .hasSize(15);
        assertThatThrownBy(() -> ghl.calendars().book(draft))
                .isInstanceOf(ExternalFailure.Rejected.class)
                .hasMessageContaining("no longer available");
        Slot offHours = new Slot(Instant.parse("2026-03-03T02:00:00Z"), Instant.parse("2026-03-03T02:30:00Z"));
        assertThatThrownBy(() -> ghl.calendars()
                        .book(new AppointmentDraft(
                                InMemoryGhl.CALENDAR,
                                InMemoryGhl.LOCATION,
                                c.id(),
                                offHours,
                                "t",
                                AppointmentStatus.CONFIRMED)))
                .isInstanceOf(ExternalFailure.Rejected.class);
        assertThat(ghl.appointments())
                .singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AppointmentStatus.CONFIRMED));
    }

    @Test
    void enrolment_is_idempotent_and_tracked() {
        Contact c = contact();

        ghl.workflows().enroll(InMemoryGhl.LOCATION, c.id(), InMemoryGhl.WF_SPEED_TO_LEAD);
        ghl.workflows().enroll(InMemoryGhl.LOCATION, c.id(), InMemoryGhl.WF_SPEED_TO_LEAD);

        assertThat(ghl.enrollments()).singleElement().satisfies(e -> {
            assertThat(e.contact()).isEqualTo(c.id());
            assertThat(e.workflow()).isEqualTo(InMemoryGhl.WF_SPEED_TO_LEAD);
        });
        assertThatThrownBy(() -> ghl.workflows()
                        .enroll(InMemoryGhl.LOCATION, c.id(), new io.recruitflow.domain.recruit.WorkflowId("wf_x")))
                .isInstanceOf(ExternalFailure.Rejected.class);
        assertThat(ghl.workflows().enrolled(c.id())).containsExactly(InMemoryGhl.WF_SPEED_TO_LEAD);
    }

    @Test
    void it_does_not_install_itself_and_says_so_clearly() {
        assertThat(ghl.installations().selfInstallable()).isFalse();
        assertThatThrownBy(() -> ghl.installations().consentUrl("state"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("no marketplace app");
        assertThatThrownBy(() -> ghl.installations().complete("code", Installations.Installer.LOCATION))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(ghl.installations().remove(InMemoryGhl.LOCATION)).isFalse();
    }

    @Test
    void a_fault_before_the_call_changes_nothing() {
        ghl.faults().failNext(Operation.CONTACT_UPSERT, new ExternalFailure.Unavailable("down"));

        assertThatThrownBy(this::contact).isInstanceOf(ExternalFailure.Unavailable.class);

        assertThat(ghl.contacts()).isEmpty();
        assertThat(contact()).isNotNull(); // the fault is used up
    }

    @Test
    void a_fault_after_the_call_leaves_its_effect_as_grounds_for_reconciliation() {
        Contact c = contact();
        ghl.faults().failAfterNext(Operation.MESSAGE_SEND, new ExternalFailure.OutcomeUnknown("read timed out"));

        assertThatThrownBy(() -> ghl.conversations().send(OutgoingMessage.sms(InMemoryGhl.LOCATION, c.id(), "Hi")))
                .isInstanceOf(ExternalFailure.OutcomeUnknown.class);

        assertThat(ghl.sentMessages()).hasSize(1);
    }

    // ---- the contact's identity: GHL's upsert and its duplicate setting

    @Test
    void an_upsert_matching_the_email_drops_a_phone_that_another_contact_holds_as_ghl_does() {
        Contact byEmail = ghl.contactDirectory()
                .add(draft("Mary", Optional.of("dana@example.com"), Optional.of("+14072220199"), Set.of()));
        Contact byPhone =
                ghl.contactDirectory().add(draft("Jack", Optional.empty(), Optional.of("+14072220101"), Set.of()));

        Upserted upserted = ghl.contactDirectory()
                .upsert(draft("Dana", Optional.of("dana@example.com"), Optional.of("+14072220101"), Set.of()));

        assertThat(upserted.contact().id()).isEqualTo(byEmail.id());
        assertThat(upserted.contact().phone()).contains(new PhoneNumber("+14072220199"));
        assertThat(ghl.contactDirectory().find(byPhone.id()).orElseThrow().phone())
                .contains(new PhoneNumber("+14072220101"));
    }

    @Test
    void a_separate_contact_needs_a_location_that_allows_duplicates_and_is_made_once() {
        ghl.contactDirectory().add(draft("Mary", Optional.of("dana@example.com"), Optional.empty(), Set.of()));
        ContactDraft lead = draft("Dana", Optional.of("dana@example.com"), Optional.of("+14072220101"), Set.of());
        assertThat(ghl.contactDirectory().allowsDuplicates(InMemoryGhl.LOCATION))
                .isFalse();
        assertThatThrownBy(() -> ghl.contactDirectory().createSeparate(lead))
                .isInstanceOf(ExternalFailure.Rejected.class);

        ghl.contactDirectory().allowDuplicates(InMemoryGhl.LOCATION, true);
        Contact own = ghl.contactDirectory().createSeparate(lead);

        assertThat(own.carries(lead.phone(), lead.email())).isTrue();
        assertThat(ghl.contactDirectory().createSeparate(lead).id()).isEqualTo(own.id());
        assertThat(ghl.contacts()).hasSize(2);
    }

    @Test
    void identifiers_another_contact_holds_are_refused_where_duplicates_are_not_allowed() {
        Contact emailOnly =
                ghl.contactDirectory().add(draft("Dana", Optional.of("dana@example.com"), Optional.empty(), Set.of()));
        ghl.contactDirectory().add(draft("Jack", Optional.empty(), Optional.of("+14072220101"), Set.of()));

        assertThatThrownBy(() -> ghl.contactDirectory()
                        .addIdentifiers(
                                emailOnly.id(),
                                draft("Dana", Optional.of("dana@example.com"), Optional.of("+14072220101"), Set.of())))
                .isInstanceOf(ExternalFailure.Rejected.class);
        Contact completed = ghl.contactDirectory()
                .addIdentifiers(
                        emailOnly.id(),
                        draft("Dana", Optional.of("dana@example.com"), Optional.of("+14072220102"), Set.of()));
        assertThat(completed.phone()).contains(new PhoneNumber("+14072220102"));
    }
}
