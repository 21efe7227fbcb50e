package io.recruitflow.application.advancerecruit;

import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.pipeline.StageChange;
import io.recruitflow.domain.recruit.RecruitId;

/**
 * Told of every move of a recruit's opportunity that Recruitflow made (after the CRM accepted it and the mirror
 * stored it): a reply, a booking, an operator's move. Moves a user made in the CRM arrive as events instead. A
 * listener must be idempotent.
 */
@FunctionalInterface
public interface StageMoveListener {
    void moved(RecruitId recruit, Opportunity before, Opportunity after, StageChange.Cause cause);
}
