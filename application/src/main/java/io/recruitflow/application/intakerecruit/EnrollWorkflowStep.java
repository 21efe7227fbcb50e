package io.recruitflow.application.intakerecruit;

import io.recruitflow.application.setup.LocationSetup;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.application.setup.WorkflowTrigger;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.Workflows;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Enrolls the recruit's contact in the speed-to-lead workflow (idempotent: safe to repeat) — or, with the
 * workflow trigger {@code tag:NAME}, records that the enrollment is delegated to the tag: the contact upsert
 * added it and the workflow's trigger "Contact Tag added" in the CRM enrolls the contact, so no call is made.
 * The CRM announces no enrollment; what confirms it is the CRM's own contact event showing the tag on the
 * contact ({@link DelegatedEnrollmentConfirmation}), which the step notes when it has already come.
 */
public final class EnrollWorkflowStep implements IntakeStepAction {
    /** The journal reference of an enrollment delegated to a tag: {@code tag:NAME}. */
    static final String DELEGATED_REF_PREFIX = "tag:";

    private final Workflows workflows;
    private final LocationSetup setup;
    private final WorkflowTrigger trigger;

    @Inject
    public EnrollWorkflowStep(Workflows workflows, LocationSetup setup, RecruitingSettings settings) {
        this.workflows = workflows;
        this.setup = setup;
        this.trigger = settings.workflowTrigger();
    }

    /** Whether enrolling calls the CRM; with a trigger tag it does not, and needs no turn of its own. */
    boolean callsTheCrm() {
        return !(trigger instanceof WorkflowTrigger.Tag);
    }

    @Override
    public boolean repeatable() {
        return true;
    }

    @Override
    public IntakeStep step() {
        return IntakeStep.ENROLL_WORKFLOW;
    }

    @Override
    public StepResult perform(Recruit recruit, StepRecord previous) {
        if (trigger instanceof WorkflowTrigger.Tag tag) {
            boolean reported = recruit.tags().stream().anyMatch(tag::matches);
            return new StepResult.Done(
                    Optional.of(DELEGATED_REF_PREFIX + tag.name()),
                    Optional.of(reported ? confirmed(tag, "a contact event before this step") : delegated(tag)));
        }
        workflows.enroll(
                recruit.location(),
                recruit.contactId().orElseThrow(() -> new IllegalStateException("contact not linked")),
                setup.of(recruit.location()).speedToLeadWorkflow());
        return new StepResult.Done(Optional.empty());
    }

    /** The journal's note for an enrollment delegated to the tag, not yet confirmed. */
    static String delegated(WorkflowTrigger.Tag tag) {
        return "delegated to tag " + tag.name() + ": the contact upsert added the tag and GHL's workflow trigger"
                + " \"Contact Tag added\" enrolls the contact; no enrollment call. Awaiting GHL's contact event"
                + " showing the tag";
    }

    /** The journal's note once GHL reported the tag on the contact. */
    static String confirmed(WorkflowTrigger.Tag tag, String how) {
        return "delegated to tag " + tag.name() + ": no enrollment call; confirmed by GHL (" + how
                + " shows the tag on the contact, which triggers the workflow)";
    }
}
