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
 * Creates the recruit's opportunity in the recruiting pipeline ({@link #initialStage}: Contacted once the intro
 * went out, else the first stage) and mirrors it — unless the
 * contact has one in the pipeline already: it is looked up before every create, since a create is not
 * idempotent and the contact may have one from an earlier import, a user in GHL, or an attempt that may have
 * reached the CRM (a crash, a timeout, GHL's "422 but created"). A found opportunity is mirrored at the stage
 * and status it really is at. (GHL's {@code POST /opportunities/upsert} takes no contact to match on, so it
 * cannot replace the look-up.)
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
        RecruitingStage initial = initialStage(recruit);
        OpportunityDraft draft = new OpportunityDraft(
                recruit.location(),
                pipeline.pipelineId(),
                pipeline.idOf(initial),
                contact,
                Opportunity.nameFor(recruit.name().full()),
                OpportunityStatus.OPEN,
                settings.opportunityValue(),
                settings.assignTo());
        // After an attempt that may have created it (a crash, a timeout, GHL's "422 but created") look first;
        // otherwise placing it answers the contact's existing opportunity, if any, without a lookup.
        Optional<Opportunities.Placed> earlier = previous.attempts() > 0
                ? opportunities
                        .findForContact(recruit.location(), pipeline.pipelineId(), contact)
                        .map(found -> new Opportunities.Placed(found, true))
                : Optional.empty();
        Opportunities.Placed placed = earlier.orElseGet(() -> opportunities.place(draft));
        OpportunityRef ref = placed.opportunity();
        Optional<OpportunityRef> existing = placed.existing() ? Optional.of(ref) : Optional.empty();
        RecruitingStage stage = existing.flatMap(OpportunityRef::stage)
                .flatMap(pipeline::stageOf)
                .orElse(initial);
        OpportunityStatus status = existing.flatMap(OpportunityRef::status).orElse(draft.status());
        mirror.save(new Opportunity(
                ref.id(),
                recruit.location(),
                contact,
                draft.name(),
                draft.pipeline(),
                stage,
                status,
                draft.monetaryValue(),
                draft.assignedTo(),
                ref.updatedAt().orElse(clock.now()),
                0));
        Optional<String> detail = existing.map(
                e -> "found the contact's existing opportunity, at " + stage + " / " + status + "; none created");
        return new StepResult.Done(Optional.of(ref.id().value()), detail);
    }

    /**
     * Where a new opportunity starts: at Contacted when the CRM accepted the intro (the step runs after it), so
     * GHL's report of the sent text moves nothing and costs no call; at the first stage when the intro waits for
     * quiet hours, was refused or failed (a later send moves it then).
     */
    static RecruitingStage initialStage(Recruit recruit) {
        return recruit.introSentAt().isPresent() ? RecruitingStage.CONTACTED : RecruitingStage.first();
    }
}
