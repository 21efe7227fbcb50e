package io.recruitflow.application.intakerecruit;

import io.recruitflow.application.setup.LocationSetup;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.pipeline.Opportunities;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.pipeline.OpportunityDraft;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.pipeline.OpportunityRef;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.RecruitingPipeline;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Creates the recruit's opportunity at the first stage of the recruiting pipeline and mirrors it. A
 * create is not idempotent, so after an attempt that may have reached the CRM (a crash, a timeout, GHL's
 * "422 but created") the contact's opportunity is looked up first.
 */
public final class CreateOpportunityStep implements IntakeStepAction {
    private final Opportunities opportunities;
    private final OpportunityMirror mirror;
    private final LocationSetup setup;
    private final RecruitingSettings settings;
    private final Clock clock;

    @Inject
    public CreateOpportunityStep(
            Opportunities opportunities,
            OpportunityMirror mirror,
            LocationSetup setup,
            RecruitingSettings settings,
            Clock clock) {
        this.opportunities = opportunities;
        this.mirror = mirror;
        this.setup = setup;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public IntakeStep step() {
        return IntakeStep.CREATE_OPPORTUNITY;
    }

    @Override
    public StepResult perform(Recruit recruit, StepRecord previous) {
        ContactId contact = recruit.contactId().orElseThrow(() -> new IllegalStateException("contact not linked"));
        RecruitingPipeline pipeline = setup.of(recruit.location()).pipeline();
        OpportunityDraft draft = new OpportunityDraft(
                recruit.location(),
                pipeline.pipelineId(),
                pipeline.idOf(RecruitingStage.first()),
                contact,
                Opportunity.nameFor(recruit.name().full()),
                OpportunityStatus.OPEN,
                settings.opportunityValue(),
                settings.assignTo());
        Optional<OpportunityRef> earlier = previous.attempts() > 0
                ? opportunities.findForContact(recruit.location(), pipeline.pipelineId(), contact)
                : Optional.empty();
        OpportunityRef created = earlier.orElseGet(() -> opportunities.create(draft));
        mirror.save(new Opportunity(
                created.id(),
                recruit.location(),
                contact,
                draft.name(),
                draft.pipeline(),
                RecruitingStage.first(),
                draft.status(),
                draft.monetaryValue(),
                draft.assignedTo(),
                created.updatedAt().orElse(clock.now()),
                0));
        return new StepResult.Done(Optional.of(created.id().value()));
    }
}
