package io.recruitflow.application.intakerecruit;

import io.recruitflow.application.setup.LocationSetup;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.Workflows;
import jakarta.inject.Inject;
import java.util.Optional;

/** Enrolls the recruit's contact in the speed-to-lead workflow (idempotent: safe to repeat). */
public final class EnrollWorkflowStep implements IntakeStepAction {
    private final Workflows workflows;
    private final LocationSetup setup;

    @Inject
    public EnrollWorkflowStep(Workflows workflows, LocationSetup setup) {
        this.workflows = workflows;
        this.setup = setup;
    }

    @Override
    public IntakeStep step() {
        return IntakeStep.ENROLL_WORKFLOW;
    }

    @Override
    public StepResult perform(Recruit recruit, StepRecord previous) {
        workflows.enroll(
                recruit.location(),
                recruit.contactId().orElseThrow(() -> new IllegalStateException("contact not linked")),
                setup.of(recruit.location()).speedToLeadWorkflow());
        return new StepResult.Done(Optional.empty());
    }
}
