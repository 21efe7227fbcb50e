package io.recruitflow.application.presentations;

import io.recruitflow.application.advancerecruit.AdvanceRecruitUseCase;
import io.recruitflow.application.advancerecruit.AdvanceResult;
import io.recruitflow.application.nurture.StepAction;
import io.recruitflow.domain.nurture.NurtureStep;
import io.recruitflow.domain.nurture.NurtureSteps;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.shared.Clock;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Archives a recruit who missed a presentation after their last allowed reschedule: their opportunity becomes
 * abandoned in GHL (GHL's status for a lead let go; a user or a reply can reopen it), and every step still open for
 * them is skipped. Idempotent: an abandoned opportunity stays so, a settled step stays settled.
 */
@Singleton
public class ArchiveRecruit implements StepAction {
    public static final String NAME = "archive";

    private final AdvanceRecruitUseCase advance;
    private final NurtureSteps steps;
    private final Clock clock;

    @Inject
    public ArchiveRecruit(AdvanceRecruitUseCase advance, NurtureSteps steps, Clock clock) {
        this.advance = advance;
        this.steps = steps;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result perform(Recruit recruit, NurtureStep step) {
        AdvanceResult result = advance.markRested(recruit.id(), OpportunityStatus.ABANDONED);
        for (NurtureStep s : steps.ofRecruit(recruit.id())) {
            if (!s.key().equals(step.key()) && s.status().open()) {
                steps.settle(s.key(), NurtureStep.Settlement.SKIPPED, "skipped: the recruit was archived", clock.now());
            }
        }
        if (result instanceof AdvanceResult.Moved) {
            return Result.done("archived: missed again after the allowed reschedule; opportunity abandoned");
        }
        if (result instanceof AdvanceResult.Unchanged) {
            return Result.done("archived: the opportunity was abandoned already");
        }
        String why =
                result instanceof AdvanceResult.Refused r ? r.reason() : ((AdvanceResult.NotFound) result).reason();
        return Result.skipped("not archived: " + why);
    }
}
