package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.intakerecruit.EnrollWorkflowStep;
import io.recruitflow.application.intakerecruit.StepResult;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.application.setup.WorkflowTrigger;
import io.recruitflow.domain.recruit.DoNotDisturb;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.recruit.Workflow;
import io.recruitflow.domain.recruit.WorkflowId;
import io.recruitflow.domain.recruit.Workflows;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code RECRUITFLOW_WORKFLOW_TRIGGER=tag:NAME}: the upsert adds the tag, GHL's workflow enrolls, no call. */
class TagTriggeredEnrollmentTest {
    static final RecruitingSettings BY_TAG =
            RecruitingSettings.defaults().withWorkflowTrigger(new WorkflowTrigger.Tag("new-lead"));

    /** A Workflows port that fails the test when called. */
    static final Workflows NO_CALLS = new Workflows() {
        @Override
        public List<Workflow> list(LocationId location) {
            throw new AssertionError("no workflow call expected");
        }

        @Override
        public void enroll(LocationId location, ContactId contact, WorkflowId workflow) {
            throw new AssertionError("no enrollment call expected");
        }
    };

    @Nested
    class TheStep {
        @Test
        void delegatesToTheTagWithoutACall() {
            World w = new World(IntakeSagaTest.AFTERNOON, BY_TAG);
            Recruit recruit = w.recruit(w.accept(World.lead("Ann", "Lee", "4075551234", null, "FL")));
            EnrollWorkflowStep step = new EnrollWorkflowStep(NO_CALLS, w.setup, BY_TAG);

            StepResult result = step.perform(
                    recruit.linkedTo(new ContactId("c1")),
                    StepRecord.pending(recruit.id(), IntakeStep.ENROLL_WORKFLOW, Instant.EPOCH));

            assertThat(result).isInstanceOfSatisfying(StepResult.Done.class, done -> {
                assertThat(done.ref()).contains("tag:new-lead");
                assertThat(done.detail())
                        .hasValueSatisfying(d -> assertThat(d)
                                .startsWith("delegated to tag new-lead")
                                .contains("no enrollment call")
                                .contains("Awaiting GHL's contact event"));
            });
        }

        @Test
        void notesTheConfirmationWhenGhlAlreadyReportedTheTag() {
            World w = new World(IntakeSagaTest.AFTERNOON, BY_TAG);
            Recruit recruit = w.recruit(w.accept(World.lead("Ann", "Lee", "4075551234", null, "FL")));
            EnrollWorkflowStep step = new EnrollWorkflowStep(NO_CALLS, w.setup, BY_TAG);

            StepResult result = step.perform(
                    recruit.linkedTo(new ContactId("c1")).withTags(Set.of("Licensed", "New-Lead")),
                    StepRecord.pending(recruit.id(), IntakeStep.ENROLL_WORKFLOW, Instant.EPOCH));

            assertThat(((StepResult.Done) result).detail())
                    .hasValueSatisfying(d -> assertThat(d).contains("confirmed by GHL"));
        }

        @Test
        void enrollsByCallByDefault() {
            World w = new World(IntakeSagaTest.AFTERNOON);
            RecruitId id = w.accept(World.lead("Ann", "Lee", "4075551234", null, "FL"));
            Recruit recruit = w.recruit(id).linkedTo(new ContactId("c1"));
            EnrollWorkflowStep step = new EnrollWorkflowStep(w.ghl.workflows(), w.setup, w.settings);

            StepResult result =
                    step.perform(recruit, StepRecord.pending(id, IntakeStep.ENROLL_WORKFLOW, Instant.EPOCH));

            assertThat(result).isEqualTo(new StepResult.Done(Optional.empty()));
            assertThat(w.ghl.enrollments()).singleElement().satisfies(e -> {
                assertThat(e.contact()).isEqualTo(new ContactId("c1"));
                assertThat(e.workflow()).isEqualTo(InMemoryGhl.WF_SPEED_TO_LEAD);
            });
        }
    }

    @Test
    void theUpsertCarriesTheTagAndNoEnrollmentCallIsMade() {
        World w = new World(IntakeSagaTest.AFTERNOON, BY_TAG);
        RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", "john@example.com", "FL", "Life"));

        w.runJobs();

        assertThat(w.ghl.contacts())
                .singleElement()
                .satisfies(c -> assertThat(c.tags())
                        .containsExactlyInAnyOrder("Licensed", "PropHog-Lead", "Life-Licensed", "new-lead"));
        assertThat(w.ghl.enrollments()).isEmpty();
        assertThat(w.ghl.sentMessages()).hasSize(1);
        assertThat(w.adapters.intakeJournal().steps(id))
                .extracting(StepRecord::state)
                .containsOnly(StepState.DONE);
        StepRecord enroll = enrollStep(w, id);
        assertThat(enroll.ref()).contains("tag:new-lead");
        assertThat(enroll.detail()).hasValueSatisfying(d -> assertThat(d).startsWith("delegated to tag new-lead"));
        // The recruit's own tags are not changed by the trigger: GHL's events report the contact's.
        assertThat(w.recruit(id).tags()).doesNotContain("new-lead");
    }

    @Test
    void ghlsContactEventShowingTheTagConfirmsTheEnrollmentOnce() {
        World w = new World(IntakeSagaTest.AFTERNOON, BY_TAG);
        RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", "john@example.com", "FL"));
        w.runJobs();
        ContactId contact = w.recruit(id).contactId().orElseThrow();

        w.deliver(created(contact, Set.of("Licensed")));
        assertThat(enrollStep(w, id).detail())
                .hasValueSatisfying(d -> assertThat(d).contains("Awaiting"));

        GhlEvent tagged = tags(contact, Set.of("Licensed", "new-lead"));
        w.deliver(tagged);
        StepRecord confirmed = enrollStep(w, id);
        w.deliver(tags(contact, Set.of("Licensed", "new-lead", "Interested")));

        assertThat(confirmed.state()).isEqualTo(StepState.DONE);
        assertThat(confirmed.ref()).contains("tag:new-lead");
        assertThat(confirmed.detail())
                .hasValueSatisfying(d -> assertThat(d).contains("confirmed by GHL (its ContactTagUpdate event of"));
        assertThat(enrollStep(w, id)).isEqualTo(confirmed);
        assertThat(w.ghl.enrollments()).isEmpty();
    }

    @Test
    void aTagReportedWhileTheStepSettledIsConfirmedByTheSagaOnceTheStepIsSaved() {
        World w = new World(IntakeSagaTest.AFTERNOON, BY_TAG);
        RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", "john@example.com", "FL"));
        w.runJobs();
        assertThat(enrollStep(w, id).detail())
                .hasValueSatisfying(d -> assertThat(d).contains("Awaiting"));
        // GHL's event stored the tags, but its listener found the step not yet saved: the saga asks again.
        io.recruitflow.application.setup.RecruitUpdater.update(
                w.adapters.recruits(), id, r -> r.withTags(Set.of("Licensed", "new-lead")));

        w.confirmation.afterStep(id);

        assertThat(enrollStep(w, id).detail())
                .hasValueSatisfying(d -> assertThat(d).contains("confirmed by GHL (a contact event while the step"));
    }

    @Test
    void withTheDefaultTriggerTheContactEventChangesNothing() {
        World w = new World(IntakeSagaTest.AFTERNOON);
        RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", "john@example.com", "FL"));
        w.runJobs();
        StepRecord before = enrollStep(w, id);

        w.deliver(tags(w.recruit(id).contactId().orElseThrow(), Set.of("new-lead")));

        assertThat(enrollStep(w, id)).isEqualTo(before);
        assertThat(before.ref()).isEmpty();
        assertThat(w.ghl.enrollments()).hasSize(1);
    }

    @Test
    void theTriggerIsApiTagNameOrNone() {
        assertThat(WorkflowTrigger.parse("api")).isEqualTo(new WorkflowTrigger.Api());
        assertThat(WorkflowTrigger.parse("")).isEqualTo(new WorkflowTrigger.Api());
        assertThat(WorkflowTrigger.parse("tag: new-lead ")).isEqualTo(new WorkflowTrigger.Tag("new-lead"));
        assertThat(WorkflowTrigger.parse("TAG:New Lead").toString()).isEqualTo("tag:New Lead");
        assertThatThrownBy(() -> WorkflowTrigger.parse("tag:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkflowTrigger.parse("tag:a,b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(WorkflowTrigger.parse(" None ")).isEqualTo(new WorkflowTrigger.None());
        assertThatThrownBy(() -> WorkflowTrigger.parse("webhook")).hasMessageContaining("api, tag:NAME or none");
    }

    private static StepRecord enrollStep(World w, RecruitId id) {
        return w.adapters.intakeJournal().find(id, IntakeStep.ENROLL_WORKFLOW).orElseThrow();
    }

    private static GhlEvent created(ContactId contact, Set<String> tags) {
        return new GhlEvent.ContactChanged(
                World.eventId(),
                InMemoryGhl.LOCATION,
                Instant.parse("2026-02-12T19:00:01Z"),
                contact,
                true,
                Optional.empty(),
                Optional.empty(),
                tags,
                DoNotDisturb.NONE,
                Optional.empty());
    }

    private static GhlEvent tags(ContactId contact, Set<String> tags) {
        return new GhlEvent.TagsChanged(
                World.eventId(), InMemoryGhl.LOCATION, Instant.parse("2026-02-12T19:00:02Z"), contact, tags);
    }
}
