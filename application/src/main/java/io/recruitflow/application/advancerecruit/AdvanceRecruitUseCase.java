package io.recruitflow.application.advancerecruit;

import io.recruitflow.domain.recruit.RecruitId;

/** Moves recruits through the recruiting pipeline under its rules, in GHL and in our mirror. */
public interface AdvanceRecruitUseCase {
    AdvanceResult advance(AdvanceRecruitCommand command);

    /** The recruit opted out: their opportunity is lost. */
    AdvanceResult markOptedOut(RecruitId recruit);

    /**
     * The recruit's cadence ended without an answer: their opportunity takes {@code status} (abandoned, lost, or
     * open again), at the stage it is in.
     */
    AdvanceResult markRested(RecruitId recruit, io.recruitflow.domain.pipeline.OpportunityStatus status);
}
